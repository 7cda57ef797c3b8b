/**
 * The TwinSpace's tabs, pure (no DOM): which tabs a member's type may use is
 * read from the one policy table (functions/domain/policy.ts), each tab
 * needing one action. Before the project is approved there is no TwinSpace
 * yet: only Home (the project as its founders see it).
 */
import { mayAtAll, policyTable, actions, type Action } from '../../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../../functions/domain/twinspace-types.ts';
import type { MessageKey } from '../../i18n/index.ts';

export const tabs = ['home', 'pages', 'materials', 'forum', 'chat', 'agenda', 'mailbox', 'members', 'diary', 'labels', 'moderation'] as const;
export type Tab = (typeof tabs)[number];

/** What each tab needs the member's type to be allowed. */
export const tabAction: Record<Tab, Action> = {
  home: 'read-public-area',
  pages: 'read-public-area',
  // Visitors read the public area's materials too.
  materials: 'read-public-area',
  forum: 'forum-reply',
  chat: 'chat',
  agenda: 'read-public-area',
  mailbox: 'read-public-area',
  members: 'read-public-area',
  diary: 'diary-private',
  labels: 'apply-for-label',
  // Teachers decide on pupils' held texts there; pupils see their own waiting (issue 12). Visitors: not at all.
  moderation: 'read-own-held-texts',
};

/** The tabs this member's type may use in a project in this state (Home always). */
export function tabsFor(type: TwinspaceType | null | undefined, state: string): Tab[] {
  if (state !== 'approved' && state !== 'closed') return ['home'];
  return tabs.filter((tab) => tab === 'home' || (!!type && mayAtAll(type, tabAction[tab])));
}

/** A tab's address (Home is the TwinSpace page itself). */
export function tabPath(language: string, tab: Tab, projectId: string): string {
  const page = tab === 'home' ? 'twinspace/' : `twinspace/${tab}/`;
  return `/${language}/${page}?${new URLSearchParams({ id: projectId })}`;
}

/** The actions a type may take and the lower type may not: what changing from `from` to `to` takes away. */
export function actionsLost(from: TwinspaceType, to: TwinspaceType): Action[] {
  return actions.filter((action) => policyTable[action][from] !== 'deny' && policyTable[action][to] === 'deny');
}

/** The dictionary's words for every action (what a change of type takes away is said with them). */
export const lostActionKeys = actions.map((action) => `action.${action}` as const) satisfies readonly MessageKey[];
