/**
 * The one table of everything that runs in a Lambda: every HTTP route, the
 * chat (WebSocket) handlers and the scheduled jobs. The CDK app and the local
 * runtime both read it, so a route cannot exist in one and not the other.
 *
 * `module` is a path under functions/ (no extension); `export` the handler's
 * export name in that module. `name` is the function's stable name: CDK
 * construct id and `npm run invoke -- <name>`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerRef {
  /** Stable function name, kebab-case: CDK id and `npm run invoke` name. */
  name: string;
  /** Module under functions/, without extension, e.g. 'http/me'. */
  module: string;
  /** Export name of the handler in that module. */
  export: string;
}

export interface HttpRoute extends HandlerRef {
  method: HttpMethod;
  /** API Gateway path template, e.g. '/projects/{projectId}'. */
  path: string;
  /** 'jwt': Cognito ID token required (JWT authorizer); 'public': none. */
  auth: 'jwt' | 'public';
}

export const httpRoutes: readonly HttpRoute[] = [
  { method: 'GET', path: '/me', auth: 'jwt', name: 'get-me', module: 'http/me', export: 'getMe' },
  { method: 'GET', path: '/projects/{projectId}', auth: 'jwt', name: 'get-project', module: 'http/projects', export: 'getProject' },
  { method: 'GET', path: '/projects/{projectId}/members', auth: 'jwt', name: 'list-members', module: 'http/members', export: 'listMembers' },
  { method: 'GET', path: '/projects/{projectId}/chat/messages', auth: 'jwt', name: 'list-chat-messages', module: 'http/chat-messages', export: 'listChatMessages' },
  { method: 'GET', path: '/openapi.json', auth: 'public', name: 'get-openapi', module: 'http/openapi', export: 'getOpenApi' },
];

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
}

export const scheduledJobs: readonly ScheduledJob[] = [
  // Every morning at 06:00 UTC (DOMAIN.md: evaluators get a daily digest).
  { name: 'notify-evaluators', module: 'scheduled/notify-evaluators', export: 'handler', schedule: 'cron(0 6 * * ? *)' },
];

/** Every function, for `npm run invoke` and for bundling checks. */
export const allHandlers: readonly HandlerRef[] = [
  ...httpRoutes,
  ...Object.values(chatHandlers),
  ...scheduledJobs,
];
