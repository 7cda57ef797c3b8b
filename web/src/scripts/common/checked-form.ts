/**
 * What every island form does around its request (one hook, not a copy per
 * form): its fields' problems (checked before sending, or a 400's from the
 * server, next to their fields via FormField), the first field with a problem
 * focused, one status next to the buttons, and "saving" while it sends.
 */
import { useRef, useState } from 'preact/hooks';
import type { Status } from '../../components/kit/StatusMessage.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { problemsByField } from './form-problems.ts';
import { t } from './page.ts';
import { failed } from './problems.ts';

export type FieldProblems<Field extends string> = Partial<Record<Field, string>>;

/** The pure checks' problems (dictionary keys) in words. */
export const worded = <Field extends string>(problems: Partial<Record<Field, MessageKey>>): FieldProblems<Field> =>
  Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key as MessageKey)])) as FieldProblems<Field>;

export function useCheckedForm<Field extends string>(checkFieldsKey: MessageKey) {
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const showProblems = (found: FieldProblems<Field>) => {
    setProblems(found);
    setStatus({ tone: 'error', text: t(checkFieldsKey) });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  /**
   * Sends with `saving` on; what `send` answers is the status (its success; none when something else says the
   * outcome). A 400's field problems go next to their fields (only `fields`, when given), any other failure into
   * the status.
   */
  const send = async (request: () => Promise<Status | undefined>, fields?: readonly Field[]) => {
    setProblems({});
    setStatus(undefined);
    setSaving(true);
    try {
      setStatus(await request());
    } catch (error) {
      const found = problemsByField(error) as FieldProblems<Field> | undefined;
      if (found) showProblems(fields ? (Object.fromEntries(fields.map((field) => [field, found[field]])) as FieldProblems<Field>) : found);
      else failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return { problems, status, saving, form, showProblems, send };
}
