/**
 * The whole local stack, started by ONE function used by both `npm start`
 * and the test global setup: emulators, bootstrap (table, user pool, demo
 * data), the HTTP and chat gateways, the scheduler, the table's stream poller,
 * the materials storage (s3rver behind its signature-checking front) and the site.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { defaultTableName } from '../../functions/data/table.ts';
import { bootstrap } from './bootstrap.ts';
import { startChatGateway } from './chat-gateway.ts';
import type { LocalChild } from './children.ts';
import { startCognito } from './cognito-local.ts';
import { startDynamoDb } from './dynamodb-local.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { closeServer, startHttpGateway } from './http-gateway.ts';
import { applyHandlerEnv } from './lambda-runtime.ts';
import { keepHandlerLog } from './handler-log.ts';
import { ensureLocalSecrets, secretsEnv } from './secrets.ts';
import { startMail } from './mail-local.ts';
import { assertPortFree } from './ports.ts';
import { startScheduler } from './scheduler.ts';
import { startStreams } from './streams.ts';
import { localMaterialsBucket, startStorage } from './storage-local.ts';
import { buildSite, startSite } from './site.ts';
import { startTriggerEndpoint } from './trigger-endpoint.ts';

export interface StackPorts {
  dynamodb: number;
  cognito: number;
  mail: number;
  api: number;
  chat: number;
  web: number;
  storage: number;
}

/** The environment variable that moves each port (DESIGN.md defaults). */
export const portSettings: Record<keyof StackPorts, { env: string; fallback: number; part: string }> = {
  dynamodb: { env: 'DYNAMODB_PORT', fallback: 8000, part: 'DynamoDB Local' },
  cognito: { env: 'COGNITO_PORT', fallback: 9229, part: 'cognito-local' },
  mail: { env: 'MAIL_PORT', fallback: 8005, part: 'aws-ses-v2-local' },
  api: { env: 'API_PORT', fallback: 3000, part: 'the HTTP API' },
  chat: { env: 'CHAT_PORT', fallback: 3001, part: 'the chat API' },
  web: { env: 'WEB_PORT', fallback: 4321, part: 'the site' },
  storage: { env: 'STORAGE_PORT', fallback: 4569, part: 'the materials storage' },
};

export interface StackOptions {
  ports: StackPorts;
  /** Holds local-state.json, endpoints.json, secrets.json, cognito/, storage/ and (on disk) dynamodb/. */
  dataDir: string;
  /** 'disk' keeps the table under dataDir/dynamodb; 'memory' is for tests. */
  dynamodb: 'disk' | 'memory';
  /** The site's static folder and whether to build it first: always, only when missing, or never (the caller does). */
  site: { folder: string; build: 'always' | 'if-missing' | 'never' };
  region?: string;
  /** Also keep the handlers' log lines (at INFO) in this file: the tests check what a log line may carry. */
  handlerLog?: string;
}

export interface RunningStack {
  endpoints: LocalEndpoints;
  /** A sentence when the site could not be built (the rest still runs). */
  siteProblem?: string;
  nextScheduledRuns(): { name: string; at: Date }[];
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { ports, dataDir } = options;
  for (const key of Object.keys(portSettings) as (keyof StackPorts)[]) {
    await assertPortFree(ports[key], portSettings[key].part, portSettings[key].env);
  }
  mkdirSync(dataDir, { recursive: true });
  const base: LocalEndpoints = {
    api: `http://localhost:${ports.api}`,
    chat: `ws://localhost:${ports.chat}`,
    web: `http://localhost:${ports.web}`,
    mail: `http://localhost:${ports.mail}`,
    dynamodb: `http://localhost:${ports.dynamodb}`,
    storage: `http://localhost:${ports.storage}`,
    bucket: localMaterialsBucket,
    table: defaultTableName,
    region: options.region ?? 'eu-west-1',
    cognito: { endpoint: `http://localhost:${ports.cognito}`, userPoolId: '', clientId: '' },
  };

  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
    stops.length = 0;
  };
  const keep = (child: LocalChild) => stops.push(() => child.stop());
  try {
    // Before any handler module loads (the triggers' endpoint loads some): the logger reads its level once.
    if (options.handlerLog) {
      process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
      stops.push(keepHandlerLog(options.handlerLog));
    }
    // The user pool's triggers (PreSignUp, PreTokenGeneration): cognito-local invokes them here, on a port the OS picks.
    const triggers = await startTriggerEndpoint();
    stops.push(() => triggers.stop());
    const emulators = await Promise.allSettled([
      startDynamoDb({ port: ports.dynamodb, storage: options.dynamodb === 'memory' ? 'memory' : join(dataDir, 'dynamodb') }),
      startCognito({ port: ports.cognito, folder: join(dataDir, 'cognito'), triggerEndpoint: triggers.url }),
      startMail({ port: ports.mail }),
    ]);
    for (const started of emulators) if (started.status === 'fulfilled') keep(started.value);
    const failed = emulators.find((started) => started.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    const endpoints = await bootstrap(dataDir, base, { seed: true });
    applyHandlerEnv(endpoints);
    // Generated at the first start into dataDir/secrets.json (0600), reused after; never in endpoints.json.
    Object.assign(process.env, secretsEnv(ensureLocalSecrets(dataDir)));

    const api = await startHttpGateway(endpoints, ports.api);
    stops.push(() => closeServer(api));
    const chat = await startChatGateway(endpoints, ports.chat);
    stops.push(() => chat.close());
    const scheduler = startScheduler(endpoints.region);
    stops.push(() => scheduler.stop());
    // The table's stream → the stream handlers (new notifications to open tabs and the e-mail outbox), every 250 ms.
    const streams = await startStreams(endpoints);
    stops.push(() => streams.stop());
    // Uploads land in s3rver (data under dataDir/storage); its ObjectCreated events → the storage handlers (processing).
    const storage = await startStorage({
      port: ports.storage,
      folder: join(dataDir, 'storage'),
      bucket: endpoints.bucket,
      region: endpoints.region,
      siteOrigins: [endpoints.web, endpoints.web.replace('localhost', '127.0.0.1')],
    });
    stops.push(() => storage.stop());

    let siteProblem: string | undefined;
    const missing = !existsSync(join(options.site.folder, 'index.html'));
    if (options.site.build === 'always' || (options.site.build === 'if-missing' && missing)) {
      const build = await buildSite(options.site.folder);
      if (!build.built) siteProblem = `The site did not build (astro build --root web); its last output was:\n${build.output.trim().split('\n').slice(-15).join('\n')}`;
    }
    const site: Server = await startSite(endpoints, ports.web, options.site.folder);
    stops.push(() => closeServer(site));

    const endpointsFile = join(dataDir, 'endpoints.json');
    writeFileSync(endpointsFile, `${JSON.stringify(endpoints, null, 2)}\n`);
    // A stopped stack leaves no endpoints.json behind, so `npm run invoke` can tell it is not running.
    stops.unshift(() => rmSync(endpointsFile, { force: true }));

    return { endpoints, siteProblem, nextScheduledRuns: scheduler.nextRuns, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
