/** The OpenAPI area's function: the document, built once per container (the declarations do not change at run time). */
import { areaHandlerWith } from '../router.ts';
import { buildOpenApiDocument } from './document.ts';
import { openApiRoutes } from './routes.ts';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** No route here reads the table or needs the gate: neither is bundled. */
const noTable = () => {
  throw new Error('The OpenAPI document reads no table.');
};
const areaHandler = areaHandlerWith({ store: noTable, gate: noTable, rateLimit: noTable });

export const handler = areaHandler(openApiRoutes, {
  getOpenApi: async () => {
    document ??= buildOpenApiDocument();
    return { status: 200, body: document as unknown as Record<string, unknown> };
  },
});
