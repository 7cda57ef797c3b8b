// What the global setup (tests/support/global-setup.ts) provides to the tests.
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: LocalEndpoints;
  }
}

export {};
