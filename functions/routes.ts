/**
 * The one table of everything that runs in a Lambda: every HTTP route (by
 * area: one function per area, see functions/http/<area>/routes.ts for each
 * route's whole declaration), the chat (WebSocket) handlers, the scheduled
 * jobs and the table's stream handlers. The CDK app, the local runtime and GET /openapi.json all read it, so a
 * route cannot exist in one and not another.
 *
 * A function is named by a HandlerRef: `module` is a path under functions/
 * (no extension), `export` the handler's export name in that module, `name`
 * its stable name (CDK construct id, `npm run invoke -- <name>`).
 */
import type { Area, HttpMethod, RouteDeclaration } from './lib/route.ts';
import { agendaRoutes } from './http/agenda/routes.ts';
import { approvalsRoutes } from './http/approvals/routes.ts';
import { chatRoutes } from './http/chat/routes.ts';
import { communityRoutes } from './http/community/routes.ts';
import { desktopRoutes } from './http/desktop/routes.ts';
import { diaryRoutes } from './http/diary/routes.ts';
import { forumRoutes } from './http/forum/routes.ts';
import { homeRoutes } from './http/home/routes.ts';
import { labelsRoutes } from './http/labels/routes.ts';
import { mailboxRoutes } from './http/mailbox/routes.ts';
import { materialsRoutes } from './http/materials/routes.ts';
import { membersRoutes } from './http/members/routes.ts';
import { moderationRoutes } from './http/moderation/routes.ts';
import { openApiRoutes } from './http/openapi/routes.ts';
import { pagesRoutes } from './http/pages/routes.ts';
import { privacyRoutes } from './http/privacy/routes.ts';
import { projectsRoutes } from './http/projects/routes.ts';
import { registrationsRoutes } from './http/registrations/routes.ts';
import { signUpRoutes } from './http/sign-up/routes.ts';

export type { HttpMethod };

export interface HandlerRef {
  /** Stable function name, kebab-case: CDK id and `npm run invoke` name. */
  name: string;
  /** Module under functions/, without extension, e.g. 'http/agenda/handler'. */
  module: string;
  /** Export name of the handler in that module. */
  export: string;
}

/**
 * The HTTP areas, one Lambda function each; every route's declaration is in
 * functions/http/<area>/routes.ts. Areas that administer Cognito identities
 * (registrations, approvals, members, privacy) stay apart so no other function carries
 * that client or those rights, and each one's role holds only the Cognito calls its
 * routes' IdentityGrant lists (lib/route.ts).
 */
export const httpAreas: readonly Area[] = [
  desktopRoutes, // /me, profile, notifications, schools, partners, desktop mail
  signUpRoutes, // teachers sign up (public; no Cognito admin right, see sign-up/routes.ts)
  registrationsRoutes, // the NSS validates teachers' sign-ups
  communityRoutes, // groups, encounters, the resource library
  projectsRoutes, // the project lifecycle and the NSS's list
  approvalsRoutes, // the NSS's decision (opens the TwinSpace: Cognito groups)
  membersRoutes, // TwinSpace members (pupil accounts, types ↔ Cognito groups)
  privacyRoutes, // erasing a pupil or a teacher (Cognito users deleted, chat sockets closed)
  chatRoutes, // the chat's history (the live chat is the WebSocket API below)
  pagesRoutes, // TwinSpace pages and the public project page
  forumRoutes,
  agendaRoutes,
  mailboxRoutes,
  diaryRoutes, // the Project Diary and the NSS's inbox of doubts
  labelsRoutes, // Quality Label applications and their evaluation
  homeRoutes, // the TwinSpace home: latest updates, posts, comments, likes, the teachers' board
  materialsRoutes, // albums, folders and video links; uploads (presigned POST) and reads (presigned GET) of the materials bucket
  moderationRoutes, // pupils' held texts (issue 12): the teachers' queue, decisions through each surface's publisher, the guard's settings
  openApiRoutes, // GET /openapi.json, generated from all of the above
];

/** The function that serves an area. */
export const areaFunction = (area: Area): HandlerRef => ({ name: `http-${area.name}`, module: `http/${area.folder}/handler`, export: 'handler' });

/** One HTTP route, flat: its declaration and the function that serves it. */
export interface HttpRoute extends RouteDeclaration {
  function: HandlerRef;
}

/** Every HTTP route, flat: each declaration with the function of its area. */
export const httpRoutes: readonly HttpRoute[] = httpAreas.flatMap((area) =>
  Object.values(area.routes).map((declaration) => ({ ...declaration, function: areaFunction(area) })),
);

/**
 * WebSocket API: `authorize` is the Lambda REQUEST authorizer of `$connect`
 * (identity source: the `token` query parameter). Route selection is
 * `$request.body.action`; every frame goes to `$default`, which validates it
 * against events/chat-frames.ts.
 */
export const chatHandlers = {
  authorize: { name: 'chat-authorize', module: 'chat/authorize', export: 'handler' },
  connect: { name: 'chat-connect', module: 'chat/connect', export: 'handler' },
  disconnect: { name: 'chat-disconnect', module: 'chat/disconnect', export: 'handler' },
  default: { name: 'chat-default', module: 'chat/default', export: 'handler' },
} as const satisfies Record<string, HandlerRef>;

export interface ScheduledJob extends HandlerRef {
  /** EventBridge schedule expression; the local scheduler parses the same string. */
  schedule: string;
  /** Whether it sends e-mail (only those jobs may use SES, from the sender identity). */
  sendsMail: boolean;
}

export const scheduledJobs: readonly ScheduledJob[] = [
  // Every morning at 06:00 UTC (DOMAIN.md: evaluators get a daily digest).
  { name: 'notify-evaluators', module: 'scheduled/notify-evaluators', export: 'handler', schedule: 'cron(0 6 * * ? *)', sendsMail: true },
  // Every minute: the e-mails of the NSS's decisions on teachers' sign-ups (an outbox written with each decision).
  { name: 'send-account-mail', module: 'scheduled/send-account-mail', export: 'handler', schedule: 'rate(1 minute)', sendsMail: true },
  // On 1 September at 05:00 UTC: the European Quality Label proposal from the school year just ended (DOMAIN.md).
  { name: 'propose-european-labels', module: 'scheduled/propose-european-labels', export: 'handler', schedule: 'cron(0 5 1 9 ? *)', sendsMail: false },
  // Every morning at 07:00 UTC: yesterday's notifications, one summary e-mail per person who chose the daily digest (written to the outbox above).
  { name: 'send-notification-digests', module: 'scheduled/send-notification-digests', export: 'handler', schedule: 'cron(0 7 * * ? *)', sendsMail: false },
];

/**
 * A Lambda event filter pattern (the EventBridge pattern syntax Lambda's event
 * source mappings read): nested field names, each ending in the list of values
 * it may have. Only that form is used, so the local poller can apply it too.
 */
export interface EventFilterPattern {
  [field: string]: EventFilterPattern | readonly (string | number)[];
}

export interface StreamHandler extends HandlerRef {
  /** Records reach the handler only when they match one of these patterns (CDK: the event source mapping's filters; locally: infra/local/streams.ts). */
  filters: readonly EventFilterPattern[];
  /** At most this many records per invocation. */
  batchSize: number;
  /** A failing batch is retried this many times (split in two each time on AWS), then dropped with a log line. */
  retryAttempts: number;
  /**
   * Its role (infra/cdk/streams.ts): by default the table's reads and writes and the chat's @connections;
   * 'orphan-sign-ups': AdminGetUser and AdminDeleteUser on the pool and GetItem on USERNAME# items, nothing else.
   */
  rights?: 'table-and-chat' | 'orphan-sign-ups';
}

/**
 * Handlers of the table's stream (DynamoDB Streams, NEW_IMAGE). On AWS one
 * event source mapping each, with its filter; locally the stream poller
 * (infra/local/streams.ts) applies the same filter and invokes the same
 * handler.
 */
export const streamHandlers: readonly StreamHandler[] = [
  {
    // A new notification: posted to every open tab of its person, and queued for e-mail by their preference.
    name: 'deliver-notifications',
    module: 'streams/deliver-notifications',
    export: 'handler',
    filters: [{ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['notification'] } } } }],
    batchSize: 25,
    retryAttempts: 3,
  },
  {
    // A sign-up's Cognito user left without a registration (the table write failed): removed so it does not block the address.
    // Its role holds AdminGetUser and AdminDeleteUser, which the public sign-up function does not (infra/cdk/streams.ts).
    name: 'remove-orphan-sign-ups',
    module: 'streams/remove-orphan-sign-ups',
    export: 'handler',
    filters: [{ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['orphanSignUp'] } } } }],
    batchSize: 10,
    retryAttempts: 3,
    rights: 'orphan-sign-ups',
  },
];

export interface StorageHandler extends HandlerRef {
  /** Invoked for every object created under this prefix of the materials bucket (S3 event notification; locally s3rver's events). */
  prefix: string;
}

/**
 * Handlers of the materials bucket's ObjectCreated events, in S3's event
 * shape: on AWS an S3 event notification each; locally the storage
 * (infra/local/storage-local.ts) invokes the same handler with s3rver's event.
 */
export const storageHandlers: readonly StorageHandler[] = [
  // An upload landed in incoming/: check its real type and size, re-encode images, move it to materials/ (or reject it).
  { name: 'process-upload', module: 'storage/process-upload', export: 'handler', prefix: 'incoming/' },
];

/**
 * The user pool's Lambda triggers (Cognito calls them; on AWS
 * `userPool.addTrigger`, locally cognito-local through the Lambda Invoke
 * endpoint of infra/local/trigger-endpoint.ts). PreSignUp refuses a SignUp
 * that did not come through POST /registrations (no matching, unexpired
 * registration ticket); PreTokenGeneration (V1_0 event, what the Lite plan
 * offers) adds the claims the ID token carries beyond Cognito's own.
 */
export const identityTriggers = {
  preSignUp: { name: 'pre-sign-up', module: 'identity/pre-sign-up', export: 'handler' },
  preTokenGeneration: { name: 'pre-token-generation', module: 'identity/pre-token-generation', export: 'handler' },
} as const satisfies Record<string, HandlerRef>;

/** Every HTTP function: one per area. */
export const httpFunctions: readonly HandlerRef[] = [...new Map(httpRoutes.map((httpRoute) => [httpRoute.function.name, httpRoute.function])).values()];

/** Every function, for bundling and the infra checks. */
export const allHandlers: readonly HandlerRef[] = [
  ...httpFunctions,
  ...Object.values(chatHandlers),
  ...scheduledJobs,
  ...streamHandlers,
  ...storageHandlers,
  ...Object.values(identityTriggers),
];

/** Everything `npm run invoke` can run by name (each with a sample event in events/samples/<name>.json): routes, chat handlers, jobs, stream, storage and Cognito trigger handlers. */
export const invocables: readonly { name: string; function: HandlerRef }[] = [
  ...httpRoutes,
  ...[...Object.values(chatHandlers), ...scheduledJobs, ...streamHandlers, ...storageHandlers, ...Object.values(identityTriggers)].map((handler) => ({
    name: handler.name,
    function: handler,
  })),
];
