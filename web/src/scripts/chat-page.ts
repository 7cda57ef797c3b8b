/**
 * The TwinSpace's Chat tab: the chat (chat.ts) for members who may chat;
 * visitors, a closed or not yet open project, or anyone the server refuses
 * get a short explanation instead.
 */
import { ApiError } from './api.ts';
import { ChatRefused, startChat } from './chat.ts';
import { typeName } from './labels.ts';
import { t } from './page.ts';
import { element, openTab } from './twinspace-tab-page.ts';

openTab(async (project, projectId, session) => {
  const unavailable = element('chat-unavailable');
  const noChat = (message: string) => {
    unavailable.textContent = message;
    unavailable.hidden = false;
    element('chat-panel').remove();
  };
  const open = project.state === 'approved';
  const myType = project.myType;
  if (!open) return noChat(t(project.state === 'closed' ? 'chat.closed' : 'chat.refused'));
  if (!myType || myType === 'visitor') return noChat(t(myType === 'visitor' ? 'chat.visitor' : 'chat.refused'));
  element('chat-panel').hidden = false;
  try {
    await startChat(
      {
        root: element('chat'),
        list: element('chat-log'),
        empty: element('chat-empty'),
        status: element('chat-status'),
        announcer: element('chat-announcer'),
        error: element('chat-error'),
        form: element('chat-form'),
        input: element('chat-input'),
        typeName,
      },
      projectId,
      session.idToken,
    );
  } catch (error) {
    if (error instanceof ChatRefused || (error instanceof ApiError && error.status === 403)) return noChat(t('chat.refused'));
    throw error;
  }
});
