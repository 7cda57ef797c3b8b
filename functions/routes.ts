/**
 * The one table of everything that runs in a Lambda: every HTTP route (by
 * area: one function per area, see functions/http/<area>/routes.ts for each
 * route's whole declaration), the chat (WebSocket) handlers and the scheduled
 * jobs. The CDK app, the local runtime and GET /openapi.json all read it, so a
 * route cannot exist in one and not another.
 *
 * A function is named by a HandlerRef: `module` is a path under functions/
 * (no extension), `export` the handler's export name in that module, `name`
 * its stable name (CDK construct id, `npm run invoke -- <name>`).
 */
import { errorCodesOf, routeKeyOf, type Area, type HttpMethod, type RouteDeclaration } from './lib/route.ts';
import { agendaRoutes } from './http/agenda/routes.ts';

export type { HttpMethod };

export interface HandlerRef {
  /** Stable function name, kebab-case: CDK id and `npm run invoke` name. */
  name: string;
  /** Module under functions/, without extension, e.g. 'http/agenda/handler'. */
  module: string;
  /** Export name of the handler in that module. */
  export: string;
}

/** The HTTP areas, one Lambda function each. */
export const httpAreas: readonly Area[] = [agendaRoutes];

/** The function that serves an area. */
export const areaFunction = (area: Area): HandlerRef => ({ name: `http-${area.name}`, module: `http/${area.folder}/handler`, export: 'handler' });

/** One HTTP route, flat: its declaration and the function that serves it. */
export interface HttpRoute extends RouteDeclaration {
  function: HandlerRef;
  /** Until its area is declared: described by the old maps in http/openapi.ts. */
  legacy?: boolean;
}

/** A route still served by a function of its own, until its area is declared (then it leaves this list). */
interface LegacyRoute extends HandlerRef {
  method: HttpMethod;
  path: string;
  auth: 'jwt' | 'public';
  grants?: readonly 'identity-admin'[];
  throttle?: { rateLimit: number; burstLimit: number };
}

const legacyRoutes: readonly LegacyRoute[] = [
  { method: 'GET', path: '/me', auth: 'jwt', name: 'get-me', module: 'http/me', export: 'getMe' },
  { method: 'GET', path: '/projects/{projectId}', auth: 'jwt', name: 'get-project', module: 'http/projects', export: 'getProject' },
  { method: 'GET', path: '/projects/{projectId}/members', auth: 'jwt', name: 'list-members', module: 'http/members', export: 'listMembers' },
  { method: 'GET', path: '/projects/{projectId}/chat/messages', auth: 'jwt', name: 'list-chat-messages', module: 'http/chat-messages', export: 'listChatMessages' },
  { method: 'GET', path: '/openapi.json', auth: 'public', name: 'get-openapi', module: 'http/openapi', export: 'getOpenApi' },

  // Desktop and people
  { method: 'PUT', path: '/me/profile', auth: 'jwt', name: 'update-my-profile', module: 'http/profile', export: 'updateMyProfile' },
  { method: 'GET', path: '/me/notifications', auth: 'jwt', name: 'list-my-notifications', module: 'http/notifications', export: 'listMyNotifications' },
  { method: 'POST', path: '/schools', auth: 'jwt', name: 'create-school', module: 'http/schools', export: 'createSchool' },
  { method: 'GET', path: '/schools/{schoolId}', auth: 'jwt', name: 'get-school', module: 'http/schools', export: 'getSchool' },
  { method: 'PUT', path: '/schools/{schoolId}', auth: 'jwt', name: 'update-school', module: 'http/schools', export: 'updateSchool' },
  { method: 'GET', path: '/partners', auth: 'jwt', name: 'search-partners', module: 'http/partners', export: 'searchPartners' },
  { method: 'GET', path: '/mail', auth: 'jwt', name: 'list-mail', module: 'http/mail', export: 'listMail' },
  { method: 'POST', path: '/mail', auth: 'jwt', name: 'send-mail', module: 'http/mail', export: 'sendMail' },
  { method: 'GET', path: '/mail/{mailId}', auth: 'jwt', name: 'read-mail', module: 'http/mail', export: 'readMail' },

  // Projects: the lifecycle of DOMAIN.md
  { method: 'POST', path: '/projects', auth: 'jwt', name: 'create-project', module: 'http/projects', export: 'createProject' },
  { method: 'PUT', path: '/projects/{projectId}', auth: 'jwt', name: 'edit-project', module: 'http/projects', export: 'editProject' },
  { method: 'POST', path: '/projects/{projectId}/acceptance', auth: 'jwt', name: 'answer-partnership', module: 'http/projects', export: 'answerPartnership' },
  { method: 'POST', path: '/projects/{projectId}/resubmission', auth: 'jwt', name: 'resubmit-project', module: 'http/projects', export: 'resubmitProject' },
  { method: 'POST', path: '/projects/{projectId}/close', auth: 'jwt', name: 'close-project', module: 'http/projects', export: 'closeProject' },
  { method: 'POST', path: '/projects/{projectId}/reopen', auth: 'jwt', name: 'reopen-project', module: 'http/projects', export: 'reopenProject' },
  { method: 'GET', path: '/nss/projects', auth: 'jwt', name: 'list-nss-projects', module: 'http/nss-projects', export: 'listNssProjects' },
  { method: 'POST', path: '/projects/{projectId}/approval', auth: 'jwt', name: 'decide-approval', module: 'http/approvals', export: 'decideApproval', grants: ['identity-admin'] },

  // Members: types are kept in sync with the Cognito groups
  { method: 'POST', path: '/projects/{projectId}/members', auth: 'jwt', name: 'add-member', module: 'http/members', export: 'addMember', grants: ['identity-admin'] },
  { method: 'PATCH', path: '/projects/{projectId}/members/{userId}', auth: 'jwt', name: 'change-member-type', module: 'http/members', export: 'changeMemberType', grants: ['identity-admin'] },
  { method: 'DELETE', path: '/projects/{projectId}/members/{userId}', auth: 'jwt', name: 'remove-member', module: 'http/members', export: 'removeMember', grants: ['identity-admin'] },
  { method: 'POST', path: '/projects/{projectId}/members/{userId}/password-reset', auth: 'jwt', name: 'reset-pupil-password', module: 'http/members', export: 'resetPupilPassword', grants: ['identity-admin'] },

  // Teachers sign up; the NSS of their country validates them (Cognito SignUp → AdminConfirmSignUp or AdminDeleteUser)
  { method: 'POST', path: '/registrations', auth: 'public', name: 'register-teacher', module: 'http/registrations', export: 'registerTeacher', grants: ['identity-admin'], throttle: { rateLimit: 2, burstLimit: 10 } },
  { method: 'GET', path: '/nss/teachers', auth: 'jwt', name: 'list-pending-teachers', module: 'http/teacher-validation', export: 'listPendingTeachers' },
  { method: 'POST', path: '/nss/teachers/{userId}/validation', auth: 'jwt', name: 'decide-teacher-validation', module: 'http/teacher-validation', export: 'decideTeacherValidation', grants: ['identity-admin'] },

  // Community on the desktop: themed groups, online pedagogical encounters (seats, waiting list), the resource library
  { method: 'GET', path: '/groups', auth: 'jwt', name: 'list-groups', module: 'http/groups', export: 'listGroups' },
  { method: 'POST', path: '/groups', auth: 'jwt', name: 'create-group', module: 'http/groups', export: 'createGroup' },
  { method: 'GET', path: '/groups/{groupId}/members', auth: 'jwt', name: 'list-group-members', module: 'http/groups', export: 'listGroupMembers' },
  { method: 'POST', path: '/groups/{groupId}/members', auth: 'jwt', name: 'add-group-member', module: 'http/groups', export: 'addGroupMember' },
  { method: 'DELETE', path: '/groups/{groupId}/members/{userId}', auth: 'jwt', name: 'remove-group-member', module: 'http/groups', export: 'removeGroupMember' },
  { method: 'GET', path: '/encounters', auth: 'jwt', name: 'list-encounters', module: 'http/encounters', export: 'listEncounters' },
  { method: 'POST', path: '/encounters', auth: 'jwt', name: 'create-encounter', module: 'http/encounters', export: 'createEncounter' },
  { method: 'POST', path: '/encounters/{encounterId}/registrations', auth: 'jwt', name: 'register-for-encounter', module: 'http/encounters', export: 'registerForEncounter' },
  { method: 'DELETE', path: '/encounters/{encounterId}/registrations/{userId}', auth: 'jwt', name: 'cancel-encounter-registration', module: 'http/encounters', export: 'cancelRegistration' },
  { method: 'GET', path: '/resources', auth: 'jwt', name: 'list-resources', module: 'http/resources', export: 'listResources' },
  { method: 'POST', path: '/resources', auth: 'jwt', name: 'create-resource', module: 'http/resources', export: 'createResource' },

  // TwinSpace forum: discussions (by area: pupils' or teachers' forum) → threads → replies
  { method: 'GET', path: '/projects/{projectId}/forum/discussions', auth: 'jwt', name: 'list-forum-discussions', module: 'http/forum', export: 'listDiscussions' },
  { method: 'POST', path: '/projects/{projectId}/forum/discussions', auth: 'jwt', name: 'create-forum-discussion', module: 'http/forum', export: 'createDiscussion' },
  { method: 'GET', path: '/projects/{projectId}/forum/discussions/{discussionId}/threads', auth: 'jwt', name: 'list-forum-threads', module: 'http/forum', export: 'listThreads' },
  { method: 'POST', path: '/projects/{projectId}/forum/discussions/{discussionId}/threads', auth: 'jwt', name: 'create-forum-thread', module: 'http/forum', export: 'createThread' },
  { method: 'GET', path: '/projects/{projectId}/forum/threads/{threadId}/replies', auth: 'jwt', name: 'list-forum-replies', module: 'http/forum', export: 'listReplies' },
  { method: 'POST', path: '/projects/{projectId}/forum/threads/{threadId}/replies', auth: 'jwt', name: 'create-forum-reply', module: 'http/forum', export: 'createReply' },
  { method: 'DELETE', path: '/projects/{projectId}/forum/threads/{threadId}', auth: 'jwt', name: 'delete-forum-thread', module: 'http/forum', export: 'deleteThread' },
  { method: 'DELETE', path: '/projects/{projectId}/forum/threads/{threadId}/replies/{replyId}', auth: 'jwt', name: 'delete-forum-reply', module: 'http/forum', export: 'deleteReply' },

  // TwinSpace pages (by area: public, pupils, teachers; drafts until published, versioned) and the public project page
  { method: 'GET', path: '/projects/{projectId}/pages', auth: 'jwt', name: 'list-pages', module: 'http/pages', export: 'listPages' },
  { method: 'POST', path: '/projects/{projectId}/pages', auth: 'jwt', name: 'create-page', module: 'http/pages', export: 'createPage' },
  { method: 'GET', path: '/projects/{projectId}/pages/{pageId}', auth: 'jwt', name: 'get-page', module: 'http/pages', export: 'getPage' },
  { method: 'PUT', path: '/projects/{projectId}/pages/{pageId}', auth: 'jwt', name: 'update-page', module: 'http/pages', export: 'updatePage' },
  { method: 'DELETE', path: '/projects/{projectId}/pages/{pageId}', auth: 'jwt', name: 'delete-page', module: 'http/pages', export: 'deletePage' },
  { method: 'POST', path: '/projects/{projectId}/pages/{pageId}/publish', auth: 'jwt', name: 'publish-page', module: 'http/pages', export: 'publishPage' },
  { method: 'GET', path: '/public/projects/{projectId}', auth: 'public', name: 'get-public-project', module: 'http/public-project', export: 'getPublicProject' },

  // Project Diary: the project's teachers write; they, the NSS of its countries and any teacher read as visibility allows
  { method: 'GET', path: '/projects/{projectId}/diary', auth: 'jwt', name: 'list-diary-entries', module: 'http/diary', export: 'listDiaryEntries' },
  { method: 'POST', path: '/projects/{projectId}/diary', auth: 'jwt', name: 'write-diary-entry', module: 'http/diary', export: 'writeDiaryEntry' },
  { method: 'POST', path: '/projects/{projectId}/diary/{entryId}/replies', auth: 'jwt', name: 'reply-to-diary-entry', module: 'http/diary-replies', export: 'replyToDiaryEntry' },
  { method: 'GET', path: '/projects/{projectId}/diary/export', auth: 'jwt', name: 'export-diary', module: 'http/diary-export', export: 'exportDiary' },
  { method: 'GET', path: '/nss/diary', auth: 'jwt', name: 'list-unanswered-doubts', module: 'http/diary-inbox', export: 'listUnansweredDoubts' },


  // The TwinSpace mailbox (my inbox / sent box in one project; teachers write to any member, pupils to the teachers)
  { method: 'GET', path: '/projects/{projectId}/mailbox', auth: 'jwt', name: 'list-mailbox', module: 'http/mailbox', export: 'listMailboxMessages' },
  { method: 'POST', path: '/projects/{projectId}/mailbox', auth: 'jwt', name: 'send-mailbox-message', module: 'http/mailbox', export: 'sendMailboxMessage' },

  // Quality Labels: the project's teachers apply (to the evaluators of their country); evaluators score
  { method: 'POST', path: '/projects/{projectId}/labels', auth: 'jwt', name: 'apply-for-label', module: 'http/labels', export: 'applyForLabel' },
  { method: 'GET', path: '/projects/{projectId}/labels', auth: 'jwt', name: 'list-label-applications', module: 'http/labels', export: 'listLabelApplications' },
  { method: 'GET', path: '/evaluations', auth: 'jwt', name: 'list-pending-evaluations', module: 'http/evaluations', export: 'listPendingEvaluations' },
  { method: 'POST', path: '/labels/{labelId}/evaluation', auth: 'jwt', name: 'evaluate-label', module: 'http/evaluations', export: 'evaluateLabel' },
];

/** Every HTTP route: the areas' declarations, then the routes not yet in an area. */
export const httpRoutes: readonly HttpRoute[] = [
  ...httpAreas.flatMap((area) => Object.values(area.routes).map((declaration) => ({ ...declaration, function: areaFunction(area) }))),
  ...legacyRoutes.map(({ name, module, export: exportName, ...declaration }) => ({
    ...declaration,
    name,
    summary: '',
    responses: {},
    legacy: true,
    function: { name, module, export: exportName },
  })),
];

/** The route answering `METHOD /path/template`. */
export const routeByKey = new Map(httpRoutes.map((httpRoute) => [routeKeyOf(httpRoute), httpRoute]));
export { errorCodesOf };

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
  // Every minute: the e-mails of the NSS's decisions on teachers' sign-ups (an outbox written with each decision).
  { name: 'send-account-mail', module: 'scheduled/send-account-mail', export: 'handler', schedule: 'rate(1 minute)' },
];

/** Every HTTP function: one per area (and, until converted, one per legacy route). */
export const httpFunctions: readonly HandlerRef[] = [...new Map(httpRoutes.map((httpRoute) => [httpRoute.function.name, httpRoute.function])).values()];

/** Every function, for bundling and the infra checks. */
export const allHandlers: readonly HandlerRef[] = [...httpFunctions, ...Object.values(chatHandlers), ...scheduledJobs];

/** Everything `npm run invoke` can run by name (each with a sample event in events/samples/<name>.json): routes, chat handlers, jobs. */
export const invocables: readonly { name: string; function: HandlerRef }[] = [
  ...httpRoutes,
  ...[...Object.values(chatHandlers), ...scheduledJobs].map((handler) => ({ name: handler.name, function: handler })),
];
