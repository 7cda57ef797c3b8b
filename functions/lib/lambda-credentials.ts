/**
 * Stands in for @aws-sdk/credential-provider-node in the Lambda bundles only
 * (an esbuild alias, infra/cdk/bundling.ts). Inside Lambda the credentials
 * are always the function role's, in environment variables, so the default
 * chain's SSO, profile and web-identity providers (and the STS/SSO clients
 * they bring, ~130 KB minified) are dead weight. Tests and the local runtime
 * run the sources unbundled and keep the whole default chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
