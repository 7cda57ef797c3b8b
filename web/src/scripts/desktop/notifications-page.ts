/**
 * The notifications page's rules, pure (no DOM; unit-tested in node): the
 * strings its island (notifications-island.tsx) and the header's count read,
 * the API's answers (typed here from the issue 9 design until the server's
 * schemas carry them), the page each topic links to, and which sentence shows:
 * the dictionary's sentence for the topic in the page's language, filled with
 * the notification's `params` (names), or — when the params are absent or
 * lack a name the sentence needs — the English title and body the server
 * stored.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { heldOutcomes, type HeldOutcome } from '../common/held-words.ts';

const isHeldOutcome = (outcome: string | undefined): outcome is HeldOutcome => (heldOutcomes as readonly unknown[]).includes(outcome);

// ---- the API's answers (issue 9 design, sections 4 and 6)

/** One item of GET /me/notifications (and of a live `notification` frame). */
export interface NotificationItem {
  notificationId: string;
  topic: string;
  /** English, as stored: shown when the page cannot word the topic itself. */
  title: string;
  body: string;
  createdAt: string;
  projectId?: string;
  /** What it is about inside the project or desk: a diary entry, a page, a mail, a chat message, an encounter. */
  subjectId?: string;
  read: boolean;
  /**
   * The names the sentence is filled with (see `topicPlaceholders`): project,
   * name (a person), entry, page, subject (a mail's), encounter, type (a
   * TwinSpace type), outcome ('granted' | 'not-granted', a label's result).
   */
  params?: Record<string, string | number>;
}

/** GET /me/notifications?limit=&cursor= */
export interface NotificationsPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}

export const notificationsPath = '/me/notifications';
export const readAllPath = '/me/notifications/read-all';
export const readPath = (notificationId: string) => `/me/notifications/${encodeURIComponent(notificationId)}/read`;

// ---- the topics and where each leads

export const topics = [
  'project-invited',
  'project-accepted',
  'project-declined',
  'project-approved',
  'project-rejected',
  'member-added',
  'member-type-changed',
  'diary-reply',
  'label-result',
  'page-submitted',
  'material-submitted',
  'mailbox-message',
  'desktop-mail',
  'encounter-seat',
  'chat-report',
  'evaluator-digest',
  'pupil-text-held',
  'pupil-text-decided',
] as const;
export type Topic = (typeof topics)[number];

const isTopic = (topic: string): topic is Topic => (topics as readonly string[]).includes(topic);

/**
 * The page a notification leads to, in the page's language. Project topics
 * lead to the TwinSpace once it is open to the reader (approved, added, a new
 * type) and to the desktop while it is being founded (invited, a partner's
 * answer, rejected: the desktop holds invitations and the projects to edit).
 * A topic that needs a project it lacks, or an unknown topic, leads to the desktop.
 */
export function subjectLink(item: Pick<NotificationItem, 'topic' | 'projectId' | 'subjectId'>, lang: string): string {
  const desk = (page: string, query?: Record<string, string>, hash = '') => `/${lang}/${page}${query ? `?${new URLSearchParams(query)}` : ''}${hash}`;
  const { projectId, subjectId } = item;
  const twinspace = (tab: string, extra: Record<string, string> = {}, hash = '') =>
    projectId ? desk(tab ? `twinspace/${tab}/` : 'twinspace/', { id: projectId, ...extra }, hash) : desk('desktop/');
  if (!isTopic(item.topic)) return desk('desktop/');
  switch (item.topic) {
    case 'project-approved':
    case 'member-added':
    case 'member-type-changed':
      return twinspace('');
    case 'project-invited':
    case 'project-accepted':
    case 'project-declined':
    case 'project-rejected':
      return desk('desktop/');
    case 'diary-reply':
      return twinspace('diary', {}, subjectId ? `#entry-${subjectId}` : '');
    case 'label-result':
      return twinspace('labels');
    case 'page-submitted':
      return twinspace('pages', subjectId ? { page: subjectId } : {});
    case 'material-submitted':
      return twinspace('materials', subjectId ? { material: subjectId } : {});
    case 'mailbox-message':
      return twinspace('mailbox');
    case 'desktop-mail':
      return desk('mail/', subjectId ? { id: subjectId } : undefined);
    case 'encounter-seat':
      return desk('encounters/');
    case 'chat-report':
      return twinspace('chat');
    case 'evaluator-digest':
      return desk('evaluations/');
    case 'pupil-text-held':
    case 'pupil-text-decided':
      // Teachers decide in the Moderation tab; a pupil reads there what was decided.
      return twinspace('moderation');
  }
}

// ---- what each shows

/** The names each topic's sentence needs (its {placeholders} in the dictionary). */
export const topicPlaceholders: Record<Topic, readonly string[]> = {
  'project-invited': ['name', 'project'],
  'project-accepted': ['name', 'project'],
  'project-declined': ['name', 'project'],
  'project-approved': ['project'],
  'project-rejected': ['project'],
  'member-added': ['project'],
  'member-type-changed': ['project', 'type'],
  'diary-reply': ['name', 'entry'],
  'label-result': ['project'],
  'page-submitted': ['name', 'page'],
  'material-submitted': ['name', 'material'],
  'mailbox-message': ['name', 'subject'],
  'desktop-mail': ['name', 'subject'],
  'encounter-seat': ['encounter'],
  'chat-report': ['name', 'project'],
  'evaluator-digest': [],
  'pupil-text-held': ['name', 'project'],
  'pupil-text-decided': ['project'],
};

/** Topics whose stored body is a person's own words (a diary reply's text): shown under the sentence whatever the language. */
const bodyIsPeoplesWords: readonly Topic[] = ['diary-reply'];

export type Shown =
  /** The dictionary's sentence with these names; `body` is a person's own words shown under it, when the topic has them. */
  | { kind: 'sentence'; key: MessageKey; values: Record<string, string>; body?: string }
  /** The English title and body the server stored. */
  | { kind: 'stored'; title: string; body: string };

/**
 * What a notification says. `typeName` words a TwinSpace type (member-type-changed)
 * in the page's language; by default the type is shown as it came.
 */
export function shownOf(item: NotificationItem, typeName: (type: string) => string = (type) => type): Shown {
  const stored: Shown = { kind: 'stored', title: item.title, body: item.body };
  if (!item.params || !isTopic(item.topic)) return stored;
  // The person a sentence names is stored under the role it has in the event (README, "Notifications").
  const given = Object.fromEntries(Object.entries(item.params).map(([name, value]) => [name, String(value)]));
  const person = given.name ?? given.by ?? given.partner ?? given.author ?? given.from;
  // Held texts (issue 12) name their project `projectTitle`.
  const project = given.project ?? given.projectTitle;
  const params: Record<string, string> = { ...given, ...(person === undefined ? {} : { name: person }), ...(project === undefined ? {} : { project }) };
  const needed = topicPlaceholders[item.topic];
  if (needed.some((name) => typeof params[name] !== 'string' || params[name].trim() === '')) return stored;
  const values = Object.fromEntries(needed.map((name) => [name, name === 'type' ? typeName(params[name]) : params[name]]));
  const key = sentenceKey(item.topic, params);
  return { kind: 'sentence', key, values, ...(bodyIsPeoplesWords.includes(item.topic) && item.body ? { body: item.body } : {}) };
}

function sentenceKey(topic: Topic, params: Record<string, string>): MessageKey {
  if (topic === 'label-result' && params.outcome === 'granted') return 'notifications.topic.label-result.granted';
  if (topic === 'label-result' && params.outcome === 'not-granted') return 'notifications.topic.label-result.not-granted';
  if (topic === 'pupil-text-decided' && isHeldOutcome(params.outcome)) return `notifications.topic.pupil-text-decided.${params.outcome}`;
  return `notifications.topic.${topic}`;
}

/** A dictionary sentence filled with names (as text: the island renders it as text, never markup). */
export function filled(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

// ---- read state

/** The list with the notifications marked read on this page (one by one, or all those shown at "Mark all as read") read. */
export function withReadHere(items: readonly NotificationItem[], readHere: ReadonlySet<string>): NotificationItem[] {
  return items.map((item) => (!item.read && readHere.has(item.notificationId) ? { ...item, read: true } : item));
}

/**
 * What the page shows: the notifications that arrived live since it opened
 * (newest first), then the pages read, each notification once.
 */
export function newestFirst(arrived: readonly NotificationItem[], paged: readonly NotificationItem[]): NotificationItem[] {
  const seen = new Set<string>();
  const merged: NotificationItem[] = [];
  for (const item of [...arrived, ...paged]) {
    if (seen.has(item.notificationId)) continue;
    seen.add(item.notificationId);
    merged.push(item);
  }
  // ULIDs and ISO dates both sort by time; a live one may arrive out of order.
  return merged.sort((a, b) => (a.createdAt === b.createdAt ? b.notificationId.localeCompare(a.notificationId) : b.createdAt.localeCompare(a.createdAt)));
}

// ---- the header's count

// The header's count, its event and words live in common/unread.ts (the header loads on every page); re-exported here for the page.
export { unreadEvent, unreadPath, type UnreadAnswer, type UnreadWords } from '../common/unread.ts';

// ---- strings

/** Every dictionary entry the page's island reads (rendered into data-strings by the page). */
export const notificationsStrings = [
  'notifications.title',
  'notifications.intro',
  'notifications.list',
  'notifications.empty',
  'notifications.more',
  'notifications.unread',
  'notifications.markRead',
  'notifications.markAllRead',
  'notifications.markedRead',
  'notifications.allMarkedRead',
  'notifications.nothingUnread',
  'notifications.unreadCount.one',
  'notifications.unreadCount.other',
  ...topics.map((topic) => `notifications.topic.${topic}` as const),
  'notifications.topic.label-result.granted',
  'notifications.topic.label-result.not-granted',
  ...heldOutcomes.map((outcome) => `notifications.topic.pupil-text-decided.${outcome}` as const),
  'type.teacher-admin',
  'type.member-teacher',
  'type.pupil-admin',
  'type.pupil-member',
  'type.visitor',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];
