/**
 * Preloaded (NODE_OPTIONS --import, set by lambda-runtime.ts) into every Node process started after the local
 * runtime loaded: they inherit AWS_LAMBDA_MAX_CONCURRENCY, and with it set Powertools expects Lambda's InvokeStore to
 * exist (a test worker that imports a handler's module directly, a child the bench starts). Plain JavaScript: it runs
 * before any TypeScript loader.
 */
import { InvokeStore } from '@aws/lambda-invoke-store';

await InvokeStore.getInstanceAsync();
