/**
 * A held text as text, its findings highlighted: each found slice in a <mark>, its kind said first to a screen
 * reader ("phone number:") and shown as nothing more than the highlight to the eye. Never markup: every slice is
 * JSX text.
 */
import { t } from '../../common/page.ts';
import { fieldKey, kindKey, slicesOf, type HeldField } from './moderation-page.ts';

export function HeldText({ field, showName }: { field: HeldField; showName: boolean }) {
  return (
    <div class="held-field">
      {showName && <p class="held-field-name">{t(fieldKey(field.field))}</p>}
      <p class="held-text">
        {slicesOf(field.text, field.findings).map((slice, index) =>
          slice.kind ? (
            <mark key={index} class="finding">
              <span class="visually-hidden">{`${t(kindKey(slice.kind))}: `}</span>
              {slice.text}
            </mark>
          ) : (
            slice.text
          ),
        )}
      </p>
    </div>
  );
}
