/**
 * A form's rich-text field: its label, the editor, its hint and its error,
 * wired like FormField's (the editing area gets the id, aria-describedby and
 * aria-invalid). The editor itself (RichEditor.tsx, Tiptap) is a separate
 * chunk of ~100 KB, fetched with a dynamic import() only here:
 * - `load="now"`: when the field appears (a form just opened: Edit, Open a
 *   thread), with a line saying it is loading;
 * - `load="on-focus"` (a box always on the page: a Home post, a reply): a
 *   plain text area stands in, and the editor is fetched the moment it is
 *   used, taking over what was typed. Reading a page never fetches it.
 * If the chunk cannot be fetched, the stand-in stays and still works (its
 * text is sent as paragraphs); a text being edited stays as it was.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plainToDoc, type RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import { controlProps, errorId, FieldError, hintId } from './FormField.tsx';
import type { RichEditorProps } from './RichEditor.tsx';
import type { ImageSource, RichEditorLabels } from './rich-editor-types.ts';
import type { DocumentMedia } from './RichText.tsx';

let chunk: Promise<ComponentType<RichEditorProps>> | undefined;
/** The editor's chunk, fetched once per page. */
export const loadRichEditor = () => (chunk ??= import('./RichEditor.tsx').then((module) => module.RichEditor));

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  media?: DocumentMedia;
  labels: RichEditorLabels;
  images?: ImageSource;
  load?: 'now' | 'on-focus';
  /** Rows of the stand-in text area. */
  rows?: number;
}

export const labelIdOf = (id: string) => `${id}-label`;

export function RichField({ id, label, hint, error, value, onChange, media, labels, images, load = 'now', rows = 4 }: Props) {
  const [Editor, setEditor] = useState<ComponentType<RichEditorProps>>();
  const [state, setState] = useState<'waiting' | 'loading' | 'failed'>('waiting');
  // The stand-in is only offered to fields that start empty (new texts), so it starts empty too.
  const [typed, setTyped] = useState('');
  const standIn = useRef<HTMLTextAreaElement>(null);
  const control = controlProps(id, { error, hint });
  const labelId = labelIdOf(id);

  const start = () => {
    if (state !== 'waiting') return;
    setState('loading');
    loadRichEditor().then(
      (loaded) => setEditor(() => loaded),
      () => setState('failed'),
    );
  };
  useEffect(() => {
    if (load === 'now') start();
  }, []);
  // Every document the stand-in handed out (an effect of an earlier render runs with that render's value): any other comes from
  // the form, emptied once sent.
  const handedOut = useRef(new WeakSet<RichDoc>([value]));
  useEffect(() => {
    if (!Editor && !handedOut.current.has(value)) {
      handedOut.current.add(value);
      setTyped('');
    }
  }, [value]);

  const focusArea = () => document.getElementById(id)?.focus();
  let body;
  if (Editor) {
    body = (
      <Editor
        value={value}
        onChange={onChange}
        media={media}
        control={control}
        labelledBy={labelId}
        labels={labels}
        images={images}
        autofocus={load === 'on-focus' && document.activeElement === standIn.current}
      />
    );
  } else if (load === 'now') {
    // A text being edited is never replaced by a plain text area: if the editor cannot come, the text stays as it was.
    body = <p class="muted">{state === 'failed' ? labels.loadFailed : labels.loading}</p>;
  } else {
    body = (
      <textarea
        {...control}
        ref={standIn}
        aria-labelledby={labelId}
        class="rich-stand-in"
        rows={rows}
        value={typed}
        onFocus={start}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          const doc = plainToDoc(event.currentTarget.value);
          handedOut.current.add(doc);
          onChange(doc);
        }}
      />
    );
  }

  return (
    <div class="field rich-field">
      {/* Labels the stand-in text area; the editing area (not a form control) is named through aria-labelledby, and a click on it focuses it. */}
      <label id={labelId} for={id} onClick={focusArea}>
        {label}
      </label>
      {body}
      {state === 'failed' && load === 'on-focus' && <p class="hint">{labels.loadFailed}</p>}
      {hint && (
        <p id={hintId(id)} class="hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId(id)} message={error} />
    </div>
  );
}
