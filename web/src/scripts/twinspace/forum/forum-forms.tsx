/**
 * The forum's write forms, from the kit: "Open a discussion" / "Open a
 * thread" (a button that shows a title and a text, Cancel hides it again)
 * and the reply form; the texts are written in the rich-text editor and sent
 * as documents. Empty fields (and a text the API would refuse) are marked
 * before anything is sent; a 400's problems go next to their fields; any
 * other refusal (the server's own sentence) and the success are said under
 * the form.
 */
import { useRef, useState } from 'preact/hooks';
import type { Area } from '../../../../../functions/domain/areas.ts';
import { forumTitleMaxLength } from '../../../../../functions/domain/forum.ts';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import { BusyButton, FormField, StatusMessage, type Status } from '../../../components/kit/index.ts';
import { forumTextProblem } from './forum-page.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { emptyDoc } from '../../common/rich-body.ts';
import { problemWords, TextField } from '../../common/rich-text.tsx';
import { useGuardedPost, type HeldAnswer } from '../guarded-post.tsx';

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
  return { problems, mark, clear: () => setProblems({}) };
}

/** A text's problem before sending (empty, too long, too deep) in words. */
const textProblem = (body: RichDoc) => {
  const problem = forumTextProblem(body);
  return problem && (problem.key === 'richEditor.empty' ? t('forum.required') : problemWords(problem));
};

const topicFields = ['title', 'body'] as const;
interface TopicValues {
  title: string;
  body: RichDoc;
}
const emptyTopic = (): TopicValues => ({ title: '', body: emptyDoc() });

interface OpenerProps {
  /** Prefix of the ids inside. */
  id: string;
  openLabel: string;
  submitLabel: string;
  /**
   * Sends the new discussion or thread (`acknowledged`: a teacher warned of
   * personal data sends anyway); resolves to the sentence saying it was
   * opened, or to the API's {held} when a teacher must look at it first.
   */
  onOpen: (values: TopicValues, acknowledged: boolean) => Promise<string | HeldAnswer>;
  /** Where its pictures come from: the project, and the area the forum is read in. */
  pictures: { projectId: string; area: Area };
}

/** "Open a discussion" / "Open a thread": the button shows its form (and fetches the editor); Cancel hides it again. */
export function TopicOpener({ id, openLabel, submitLabel, onOpen, pictures }: OpenerProps) {
  const [shown, setShown] = useState(false);
  const [values, setValues] = useState<TopicValues>(emptyTopic);
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const problems = useProblems(topicFields, form);
  const guard = useGuardedPost();

  const show = () => {
    setShown(true);
    setStatus(undefined);
    guard.clear();
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input, textarea')?.focus());
  };
  const hide = () => {
    setShown(false);
    setValues(emptyTopic());
    problems.clear();
    toggle.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    if (problems.mark({ title: values.title.trim() ? undefined : t('forum.required'), body: textProblem(values.body) }, setStatus)) return;
    setSaving(true);
    try {
      const topic = { title: values.title.trim(), body: values.body };
      const sent = await guard.send((acknowledged) => onOpen(topic, acknowledged), topic, () => form.current?.querySelector('input'));
      if ('cancelled' in sent) return;
      // Held: the form closes all the same; what was written shows under the notice.
      hide();
      if ('written' in sent) setStatus({ tone: 'success', text: sent.written });
    } catch (error) {
      if (!problems.mark(problemsByField(error) ?? {}, setStatus)) failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="forum-write">
      <button type="button" ref={toggle} aria-expanded={shown ? 'true' : 'false'} aria-controls={`${id}-form`} onClick={() => (shown ? hide() : show())}>
        {openLabel}
      </button>
      <form id={`${id}-form`} ref={form} hidden={!shown} noValidate aria-label={openLabel} onSubmit={(event) => void submit(event)}>
        <FormField id={`${id}-title`} label={t('forum.titleField')} error={problems.problems.title}>
          {(control) => (
            <input {...control} type="text" maxLength={forumTitleMaxLength} required value={values.title} onInput={(event) => setValues({ ...values, title: event.currentTarget.value })} />
          )}
        </FormField>
        {/* Only while the form shows: opening it is what fetches the editor. */}
        {shown && (
          <TextField
            id={`${id}-body`}
            label={t('forum.textField')}
            error={problems.problems.body}
            value={values.body}
            onChange={(body) => setValues((before) => ({ ...before, body }))}
            pictures={pictures}
          />
        )}
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
      {guard.feedback}
    </div>
  );
}

const replyFields = ['body'] as const;

/**
 * The reply form under a thread; `onReply` sends the text (`acknowledged`: a
 * teacher warned of personal data sends anyway) and shows the reply, or
 * resolves to the API's {held}. Always there, so the editor is fetched once
 * the text is used.
 */
export function ReplyForm({ onReply, pictures }: { onReply: (body: RichDoc, acknowledged: boolean) => Promise<void | HeldAnswer>; pictures: { projectId: string; area: Area } }) {
  const [text, setText] = useState<RichDoc>(emptyDoc);
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const problems = useProblems(replyFields, form);
  const guard = useGuardedPost();

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    if (problems.mark({ body: textProblem(text) }, setStatus)) return;
    setSaving(true);
    try {
      const sent = await guard.send((acknowledged) => onReply(text, acknowledged), { body: text }, () => document.getElementById('reply-body'));
      if ('cancelled' in sent) return;
      // Held: the text leaves the field all the same; it shows under the notice.
      setText(emptyDoc());
      if ('written' in sent) setStatus({ tone: 'success', text: t('forum.replied') });
    } catch (error) {
      if (!problems.mark(problemsByField(error) ?? {}, setStatus)) failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="forum-write" ref={form} noValidate onSubmit={(event) => void submit(event)}>
      <TextField id="reply-body" label={t('forum.replyField')} error={problems.problems.body} value={text} onChange={setText} pictures={pictures} load="on-focus" />
      <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
        {t('forum.replySubmit')}
      </BusyButton>
      <StatusMessage status={status} />
      {guard.feedback}
    </form>
  );
}
