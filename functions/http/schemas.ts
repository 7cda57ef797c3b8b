/**
 * The HTTP API's request and response shapes as zod schemas: handlers parse
 * their input with them and type their output by them, and the OpenAPI
 * document (openapi.ts) is generated from them.
 */
import * as z from 'zod';
import { accountKinds, cognitoGroups, twinspaceTypes } from '../domain/twinspace-types.ts';
import { projectStates } from '../domain/project-lifecycle.ts';
import { errorStatus } from '../lib/errors.ts';
import { pageQuery } from '../lib/cursor.ts';

/** IDs are ULIDs (Crockford base32, 26 characters). */
export const ulidString = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected an id of 26 characters (a ULID).');

export const projectPathParams = z.object({ projectId: ulidString });
export { pageQuery };

export const errorBody = z.object({
  error: z.object({
    code: z.enum([...(Object.keys(errorStatus) as (keyof typeof errorStatus)[]), 'INTERNAL']),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});
export type ErrorBody = z.output<typeof errorBody>;

export const myProject = z.object({ projectId: z.string(), title: z.string(), type: z.enum(twinspaceTypes) });

export const meResponse = z.object({
  userId: z.string(),
  username: z.string(),
  kind: z.enum(accountKinds),
  country: z.string(),
  groups: z.array(z.enum(cognitoGroups)),
  profile: z.object({
    displayName: z.string(),
    school: z.string().optional(),
    email: z.string().optional(),
    /** Self-registered teachers: true once their NSS validated them (they cannot sign in before). */
    validated: z.boolean().optional(),
    version: z.number().int(),
  }),
  projects: z.array(myProject),
});
export type MeResponse = z.infer<typeof meResponse>;

export const partnerSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  country: z.string(),
  school: z.string().optional(),
});

export const projectResponse = z.object({
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  state: z.enum(projectStates),
  subjects: z.array(z.string()),
  ages: z.object({ min: z.number().int(), max: z.number().int() }),
  languages: z.array(z.string()),
  founders: z.array(partnerSchema),
  partners: z.array(partnerSchema),
  createdAt: z.string(),
  version: z.number().int(),
  /** The caller's type in this project; null for an NSS officer or evaluator reading it. */
  myType: z.enum(twinspaceTypes).nullable(),
});
export type ProjectResponse = z.infer<typeof projectResponse>;

export const rosterEntrySchema = z.object({
  userId: z.string(),
  type: z.enum(twinspaceTypes),
  kind: z.enum(accountKinds),
  displayName: z.string(),
  country: z.string(),
  /** Shown to the project's teachers only; pupils have none. */
  email: z.string().optional(),
  /** When the member last opened the TwinSpace (ISO 8601), shown to the project's teachers only. */
  lastSeenAt: z.string().optional(),
});

const page = <T extends z.ZodType>(itemSchema: T) => z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() });

export const membersPage = page(rosterEntrySchema);
export type MembersPage = z.infer<typeof membersPage>;
