/**
 * The forum's write forms, from the kit: "Open a discussion" / "Open a
 * thread" (a button that shows a title and a text, Cancel hides it again)
 * and the reply form. Empty fields are marked before anything is sent; a
 * 400's problems go next to their fields; any other refusal (the server's
 * own sentence) and the success are said under the form.
 */
import { useRef, useState } from 'preact/hooks';
import { forumBodyMaxLength, forumTitleMaxLength } from '../../../../../functions/domain/forum.ts';
import { BusyButton, FormField, StatusMessage, type Status } from '../../../components/kit/index.ts';
import { emptyFields } from './forum-page.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';

type Problems<Name extends string> = Partial<Record<Name, string>>;

/**
 * Marks the empty fields (or a 400's), says so under the form and focuses the
 * first marked field; false when there is nothing to mark.
 */
function useProblems<Name extends string>(names: readonly Name[], form: { current: HTMLFormElement | null }) {
  const [problems, setProblems] = useState<Problems<Name>>({});
  const mark = (found: Problems<Name>, setStatus: (status: Status) => void): boolean => {
    const marked = Object.fromEntries(names.filter((name) => found[name]).map((name) => [name, found[name]])) as Problems<Name>;
    setProblems(marked);
    if (Object.keys(marked).length === 0) return false;
    setStatus({ tone: 'error', text: t('forum.checkFields') });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return true;
  };
  const required = (values: Record<Name, string>) => Object.fromEntries(emptyFields(values, names).map((name) => [name, t('forum.required')])) as Problems<Name>;
  return { problems, mark, required, clear: () => setProblems({}) };
}

const topicFields = ['title', 'body'] as const;
type TopicValues = Record<(typeof topicFields)[number], string>;
const emptyTopic: TopicValues = { title: '', body: '' };

interface OpenerProps {
  /** Prefix of the ids inside. */
  id: string;
  openLabel: string;
  submitLabel: string;
  /** Sends the new discussion or thread; resolves to the sentence saying it was opened. */
  onOpen: (values: TopicValues) => Promise<string>;
}

/** "Open a discussion" / "Open a thread": the button shows its form; Cancel hides it again. */
export function TopicOpener({ id, openLabel, submitLabel, onOpen }: OpenerProps) {
  const [shown, setShown] = useState(false);
  const [values, setValues] = useState<TopicValues>(emptyTopic);
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const problems = useProblems(topicFields, form);

  const show = () => {
    setShown(true);
    setStatus(undefined);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input, textarea')?.focus());
  };
  const hide = () => {
    setShown(false);
    setValues(emptyTopic);
    problems.clear();
    toggle.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    if (problems.mark(problems.required(values), setStatus)) return;
    setSaving(true);
    try {
      const said = await onOpen({ title: values.title.trim(), body: values.body.trim() });
      hide();
      setStatus({ tone: 'success', text: said });
    } catch (error) {
      if (!problems.mark(problemsByField(error) ?? {}, setStatus)) failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };
  const set = (name: keyof TopicValues) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  return (
    <div class="forum-write">
      <button type="button" ref={toggle} aria-expanded={shown ? 'true' : 'false'} aria-controls={`${id}-form`} onClick={() => (shown ? hide() : show())}>
        {openLabel}
      </button>
      <form id={`${id}-form`} ref={form} hidden={!shown} noValidate aria-label={openLabel} onSubmit={(event) => void submit(event)}>
        <FormField id={`${id}-title`} label={t('forum.titleField')} error={problems.problems.title}>
          {(control) => <input {...control} type="text" maxLength={forumTitleMaxLength} required value={values.title} onInput={set('title')} />}
        </FormField>
        <FormField id={`${id}-body`} label={t('forum.textField')} error={problems.problems.body}>
          {(control) => <textarea {...control} rows={5} maxLength={forumBodyMaxLength} required value={values.body} onInput={set('body')} />}
        </FormField>
        <div class="actions">
          <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
            {submitLabel}
          </BusyButton>
          <button type="button" class="secondary" onClick={hide}>
            {t('forum.cancel')}
          </button>
        </div>
      </form>
      <StatusMessage status={status} />
    </div>
  );
}

const replyFields = ['body'] as const;

/** The reply form under a thread; `onReply` sends the text. */
export function ReplyForm({ onReply }: { onReply: (body: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problems = useProblems(replyFields, form);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    if (problems.mark(problems.required({ body: text }), setStatus)) return;
    setSaving(true);
    try {
      await onReply(text.trim());
      setText('');
      setStatus({ tone: 'success', text: t('forum.replied') });
    } catch (error) {
      if (!problems.mark(problemsByField(error) ?? {}, setStatus)) failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="forum-write" ref={form} noValidate onSubmit={(event) => void submit(event)}>
      <FormField id="reply-body" label={t('forum.replyField')} error={problems.problems.body}>
        {(control) => <textarea {...control} rows={4} maxLength={forumBodyMaxLength} required value={text} onInput={(event) => setText(event.currentTarget.value)} />}
      </FormField>
      <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
        {t('forum.replySubmit')}
      </BusyButton>
      <StatusMessage status={status} />
    </form>
  );
}
