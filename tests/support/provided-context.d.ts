// What the global setup (tests/support/global-setup.ts) provides to the tests.
import type { DemoAuthenticator } from '../../infra/local/demo-authenticator.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: LocalEndpoints;
    /** The file the local stack keeps its handlers' log lines in (JSON lines). */
    handlerLog: string;
    /** The local stack's secrets file (infra/local/secrets.ts): the rate limit's key, as the gateway's handlers use it. */
    localSecrets: string;
    /** The demo NSS officers' and evaluator's authenticator keys (infra/local/demo-authenticator.ts). */
    demoAuthenticator: DemoAuthenticator | undefined;
  }
}

export {};
