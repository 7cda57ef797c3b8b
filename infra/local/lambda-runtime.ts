/**
 * Runs a handler from the route table the way Lambda would: its module
 * imported once (a warm container), called with the event and a Lambda-like
 * context. process.env must already hold handlerEnv(endpoints).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import type { HandlerRef } from '../../functions/routes.ts';
import { handlerEnv, type LocalEndpoints } from './endpoints.ts';

const functionsFolder = join(import.meta.dirname, '..', '..', 'functions');

/**
 * Every handler shares this one process and their invocations overlap, as on a Lambda that runs several at once:
 * like Lambda's runtime client in that mode, each invocation gets its own InvokeStore context (invokeHandler), so
 * Powertools keeps one invocation's log keys (correlation id, Lambda context) apart from another's. The store must
 * exist before any handler module creates its logger and metrics, hence here, when this module loads.
 */
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '64';
const invocations = await InvokeStore.getInstanceAsync();
// Processes started from here on inherit the setting: each gets its store too (invoke-store.mjs).
const preload = `--import=${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'invoke-store.mjs')).href)}`;
if (!process.env.NODE_OPTIONS?.includes(preload)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${preload}`.trim();
const modules = new Map<string, Promise<Record<string, unknown>>>();

/** Sets the handler settings in this process (once per stack start). */
export function applyHandlerEnv(endpoints: LocalEndpoints): void {
  Object.assign(process.env, handlerEnv(endpoints));
}

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

async function loadHandler(ref: HandlerRef): Promise<LambdaHandler> {
  let loading = modules.get(ref.module);
  if (!loading) {
    loading = import(pathToFileURL(join(functionsFolder, `${ref.module}.ts`)).href) as Promise<Record<string, unknown>>;
    modules.set(ref.module, loading);
    loading.catch(() => modules.delete(ref.module));
  }
  const handler = (await loading)[ref.export];
  if (typeof handler !== 'function') throw new Error(`functions/${ref.module}.ts has no export ${ref.export}`);
  return handler as LambdaHandler;
}

export function lambdaContext(ref: HandlerRef, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  const functionName = `twinspace-${ref.name}`;
  const unsupported = () => {
    throw new Error('Callback-style completion is not used by Twinspace handlers');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION ?? 'eu-west-1'}:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** Invokes one handler, in its own invocation context; `timeoutMs` mirrors the caller's limit (API Gateway: 29 s). */
export async function invokeHandler(ref: HandlerRef, event: unknown, timeoutMs = 29_000): Promise<unknown> {
  const handler = await loadHandler(ref);
  const context = lambdaContext(ref, timeoutMs);
  return invocations.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => handler(event, context));
}
