/**
 * A labelled form control with its hint and its error, wired for assistive
 * technology: the control gets the id the label points to, aria-describedby
 * naming the hint and (only while there is one) the error, and
 * aria-invalid="true" while the field is wrong. The control itself is the
 * caller's (input, select, textarea), rendered by `children` with those props.
 */
import type { ComponentChildren } from 'preact';

/** What a FormField hands its control. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

interface Props {
  id: string;
  label: string;
  /** The field's problem, shown under it; the control is then invalid. */
  error?: string;
  hint?: string;
  /** Other elements describing the control (a hint or error shared by several fields). */
  describedBy?: readonly string[];
  /** Invalid without an error of its own (its error is shared, see FieldError). */
  invalid?: boolean;
  children: (control: ControlProps) => ComponentChildren;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The aria wiring of a control: pure, so it is tested without a DOM. */
export function controlProps(id: string, { error, hint, describedBy = [], invalid }: Omit<Props, 'id' | 'label' | 'children'>): ControlProps {
  const described = [...describedBy, ...(hint ? [hintId(id)] : []), ...(error ? [errorId(id)] : [])];
  return {
    id,
    ...(described.length ? { 'aria-describedby': described.join(' ') } : {}),
    ...(error || invalid ? { 'aria-invalid': 'true' as const } : {}),
  };
}

export function FormField({ id, label, children, ...wiring }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(controlProps(id, wiring))}
      {wiring.hint && (
        <p id={hintId(id)} class="hint">
          {wiring.hint}
        </p>
      )}
      <FieldError id={errorId(id)} message={wiring.error} />
    </div>
  );
}

/** A field's error line (also the one error under a group of fields, e.g. a date and a time). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} class="field-error" hidden={!message}>
      {message ?? ''}
    </p>
  );
}
