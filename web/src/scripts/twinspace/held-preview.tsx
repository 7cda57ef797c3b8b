/**
 * Fetched by guarded-post.tsx only when the guard stopped a write: the
 * pupil's text waiting for a teacher (the child-friendly reason, then what
 * they wrote, as text, so it is not lost from their view), and the teacher's
 * warning before personal data goes where pupils read, answered before the
 * write is sent again (held-notice.tsx).
 */
import { docToPlainText } from '../../../../functions/domain/rich-text-core.ts';
import { Badge } from '../../components/kit/Badge.tsx';
import { HeldNotice, PersonalDataWarning } from '../common/held-notice.tsx';
import { kindsInOrder, warningKinds } from '../common/held-words.ts';
import { t } from '../common/page.ts';
import type { GuardedOutcome, GuardViews, HeldAnswer, WrittenText } from './guarded-post.tsx';

function HeldPreview({ kinds, text }: { kinds: readonly string[]; text: WrittenText }) {
  const body = typeof text.body === 'string' ? text.body : docToPlainText(text.body);
  return (
    <div class="held-preview">
      <HeldNotice kinds={kindsInOrder(kinds)} />
      <Badge>{t('held.badge')}</Badge>
      {text.title && (
        <p>
          <strong>{text.title}</strong>
        </p>
      )}
      <p class="held-preview-text">{body}</p>
    </div>
  );
}

/** A 202: the notice and the text where the form said. */
export function showHeld(views: GuardViews, answer: HeldAnswer, text: WrittenText): GuardedOutcome<never> {
  views.show(<HeldPreview kinds={answer.held.kinds} text={text} />);
  return { held: true };
}

/** A teacher's 409: asked first; "Publish anyway" sends again, acknowledged; going back returns to the text. */
export async function askFirst<T>(views: GuardViews, warning: unknown, resend: () => Promise<T | HeldAnswer>, field: () => HTMLElement | null | undefined): Promise<GuardedOutcome<T>> {
  const confirmed = await new Promise<boolean>((answer) =>
    views.ask(<PersonalDataWarning kinds={warningKinds(warning)} onConfirm={() => answer(true)} onCancel={() => answer(false)} />),
  );
  views.ask(undefined);
  if (!confirmed) {
    requestAnimationFrame(() => field()?.focus());
    return { cancelled: true };
  }
  // Acknowledged: a teacher's text is never held, so what comes back is the written item.
  return { written: (await resend()) as T };
}
