/**
 * The TwinSpace's Members tab: who is in the project, with their types; for
 * teacher administrators "Manage members" (manage-members.ts) and closing or
 * reopening the project. Before approval there is no roster yet.
 */
import type { MembersPage } from '../../../functions/http/schemas.ts';
import { apiGet } from './api.ts';
import { typeName } from './labels.ts';
import { textElement } from './page.ts';
import { setUpManagement } from './manage-members.ts';
import { subOf } from './home-page.ts';
import { element, flashKey, openTab } from './twinspace-tab-page.ts';

async function membersOf(path: string): Promise<MembersPage['items']> {
  const members: MembersPage['items'] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page: MembersPage = await apiGet<MembersPage>(`${path}/members?${query}`);
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

function showRoster(members: MembersPage['items']) {
  const list = element<HTMLUListElement>('member-list');
  list.replaceChildren();
  for (const member of members) {
    const item = document.createElement('li');
    const who = document.createElement('span');
    who.append(textElement('span', member.displayName), ' ', textElement('span', member.country, 'muted'));
    item.append(who, textElement('span', typeName(member.type), 'badge'));
    list.append(item);
  }
  element('no-members').hidden = members.length > 0;
}

openTab(async (project, id, session) => {
  const path = `/projects/${encodeURIComponent(id)}`;
  const open = project.state === 'approved';
  const closed = project.state === 'closed';
  const members = open || closed ? await membersOf(path) : [];
  showRoster(members);
  if (project.myType === 'teacher-admin' && (open || closed)) {
    const draw = setUpManagement(id, {
      me: subOf(session.idToken),
      refresh: async () => {
        const fresh = await membersOf(path);
        showRoster(fresh);
        draw(fresh, open, project.myActions);
      },
      reloadWith: (message) => {
        sessionStorage.setItem(flashKey, message);
        location.reload();
      },
    });
    draw(members, open, project.myActions);
    element('manage').hidden = false;
  }
});
