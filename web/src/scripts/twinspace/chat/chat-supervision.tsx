// placeholder: replaced by the supervision branch
/**
 * The chat's supervision (design section 6): per-message actions and the
 * room's controls. This placeholder renders nothing so the chat island
 * builds; the supervision branch brings the real components.
 */
import type { ChatMessageBody } from '../../../../../events/chat-frames.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';

export function MessageActions(_props: { message: ChatMessageBody; projectId: string; me: string; myType: TwinspaceType; writable: boolean }) {
  return null;
}

export function ChatControls(_props: { projectId: string; myType: TwinspaceType; writable: boolean; pupilsOpen: boolean }) {
  return null;
}
