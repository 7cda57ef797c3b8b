/**
 * Fetched by guarded-send.tsx only when the guard stopped a write: the
 * pupil's text waiting for a teacher (the child-friendly reason, then what
 * they wrote, as text, so it is not lost from their view) and the teacher's
 * warning before personal data goes where pupils read (held-notice.tsx).
 */
import { docToPlainText, type RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import { Badge } from '../../components/kit/index.ts';
import { HeldNotice, PersonalDataWarning } from '../common/held-notice.tsx';
import { kindsInOrder, warningKinds } from '../common/held-words.ts';
import { t } from '../common/page.ts';

export function HeldPreview({ kinds, text }: { kinds: readonly string[]; text: { title?: string; body: RichDoc | string } }) {
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

export function WarningBeforeSending({ error, onConfirm, onCancel }: { error: unknown; onConfirm: () => void; onCancel: () => void }) {
  return <PersonalDataWarning kinds={warningKinds(error)} onConfirm={onConfirm} onCancel={onCancel} />;
}
