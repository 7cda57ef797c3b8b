/**
 * The one rich-text editor (Tiptap on ProseMirror), in its own chunk: only
 * RichField.tsx imports it, with a dynamic import() once a form that edits
 * opens. Its value is a document of functions/domain/rich-text.ts (the schema
 * in rich-editor-schema.ts makes getJSON() exactly that), handed out through
 * `onChange` on every change.
 *
 * Keyboard: the toolbar is one tab stop (role=toolbar, arrow keys move
 * between its controls, Home/End to the ends); Alt+F10 in the text goes to
 * the toolbar; the usual shortcuts (Ctrl+B/I/U, Ctrl+Z/Y, Ctrl+K for a link)
 * work in the text; every dialog closes with Escape and gives focus back to
 * the text. On a phone the toolbar wraps; nothing scrolls sideways.
 */
import { Editor } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import type { ControlProps } from './FormField.tsx';
import { ImageDialog, LinkDialog, VideoDialog } from './RichEditorDialogs.tsx';
import { editorImages, editorWords, richExtensions, toEditorContent, toRichDoc } from './rich-editor-schema.ts';
import type { ImageSource, RichEditorLabels } from './rich-editor-types.ts';
import type { DocumentMedia } from './RichText.tsx';

export interface RichEditorProps {
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  /** The URLs of the images the document already shows. */
  media?: DocumentMedia;
  /** The editing area's id and its aria wiring (kit FormField's controlProps). */
  control: ControlProps;
  /** The id of the field's label. */
  labelledBy: string;
  labels: RichEditorLabels;
  /** Where pictures come from; without it, no image button. */
  images?: ImageSource;
  /** Put the caret in the text once it is there (the field was already being used). */
  autofocus?: boolean;
}

type Dialog = 'link' | 'image' | 'video' | undefined;

export function RichEditor({ value, onChange, media, control, labelledBy, labels, images, autofocus = false }: RichEditorProps) {
  const area = useRef<HTMLDivElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor>();
  const [dialog, setDialog] = useState<Dialog>();
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  // Every document handed out: a `value` that is none of them comes from the form (emptied after sending). Not only the last one:
  // an effect of an earlier render still runs with the value of that render, and must not put an older text back.
  const handedOut = useRef(new WeakSet<RichDoc>([value]));
  const change = useRef(onChange);
  change.current = onChange;

  editorWords.imageMissing = labels.imageMissing;
  editorWords.video = labels.videoBox;
  for (const [fileId, urls] of Object.entries(media ?? {})) editorImages.set(fileId, urls);

  const attributes = () => ({
    ...control,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelledBy,
    class: 'rich-editor-area rich-text',
  });

  // In the same task as the render that replaced the stand-in: a key pressed meanwhile lands in the editor, not on the page.
  useLayoutEffect(() => {
    const created = new Editor({
      element: area.current!,
      extensions: richExtensions(),
      content: toEditorContent(value),
      // Its base rules are in global.css: an injected <style> element is refused by the Content-Security-Policy (style-src 'self').
      injectCSS: false,
      editorProps: {
        attributes: attributes(),
        handleKeyDown: (_view, event) => {
          if (event.altKey && event.key === 'F10') {
            focusToolbar();
            return true;
          }
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
            setDialog('link');
            return true;
          }
          return false;
        },
      },
      onUpdate: ({ editor: changed }) => {
        const doc = toRichDoc(changed.getJSON());
        handedOut.current.add(doc);
        change.current(doc);
      },
      onTransaction: () => redraw(undefined),
    });
    if (autofocus) {
      // Tiptap's own autofocus waits a frame; the caret goes to the end of what was typed in the stand-in at once.
      created.view.dispatch(created.state.tr.setSelection(Selection.atEnd(created.state.doc)));
      created.view.focus();
    }
    setEditor(created);
    return () => created.destroy();
  }, []);

  // The form replaced the value (it was sent and emptied): show that instead.
  useEffect(() => {
    if (editor && !handedOut.current.has(value)) {
      handedOut.current.add(value);
      editor.commands.setContent(toEditorContent(value), { emitUpdate: false });
    }
  }, [value, editor]);

  // The field's error and hint come and go: the editing area's aria wiring follows them.
  useEffect(() => {
    editor?.setOptions({ editorProps: { ...editor.options.editorProps, attributes: attributes() } });
  }, [editor, control.id, control['aria-describedby'], control['aria-invalid']]);

  const focusToolbar = () => toolbar.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  // The dialog gives the focus back to the text as it closes (RichEditorDialogs.tsx).
  const closeDialog = () => setDialog(undefined);

  return (
    <div class="rich-editor">
      {editor && <Toolbar editor={editor} labels={labels} images={!!images} areaId={control.id} toolbarRef={toolbar} onDialog={setDialog} />}
      <div ref={area} />
      {editor && dialog === 'link' && <LinkDialog editor={editor} labels={labels} onClose={closeDialog} />}
      {editor && dialog === 'video' && <VideoDialog editor={editor} labels={labels} onClose={closeDialog} />}
      {editor && dialog === 'image' && images && <ImageDialog editor={editor} labels={labels} images={images} onClose={closeDialog} />}
    </div>
  );
}

interface ToolbarProps {
  editor: Editor;
  labels: RichEditorLabels;
  images: boolean;
  areaId: string;
  toolbarRef: { current: HTMLDivElement | null };
  onDialog: (dialog: Dialog) => void;
}

const headingLevels = [2, 3, 4] as const;

/** The formatting controls: one tab stop, arrow keys between them (WAI-ARIA toolbar pattern). */
function Toolbar({ editor, labels, images, areaId, toolbarRef, onDialog }: ToolbarProps) {
  const [current, setCurrent] = useState(0);
  let index = 0;
  // Each control in order: in the tab order only when it is the current one.
  // A click on a button keeps the focus (and the selection) in the text: mousedown would move it to the button first.
  const roving = () => {
    const mine = index++;
    return { tabIndex: mine === current ? 0 : -1, onFocus: () => setCurrent(mine), onMouseDown: (event: MouseEvent) => event.preventDefault() };
  };
  // The text takes the focus back at once (Tiptap's focus command waits a frame: a key pressed meanwhile would land on the toolbar).
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => {
    command(editor.chain()).run();
    editor.view.focus();
  };

  const toggle = (name: string, label: string, short: string | undefined, command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => (
    <button
      type="button"
      class={`rich-tool rich-tool-${name}`}
      aria-pressed={editor.isActive(name) ? 'true' : 'false'}
      aria-label={short ? label : undefined}
      title={label}
      {...roving()}
      onClick={() => run(command)}
    >
      {short ?? label}
    </button>
  );
  // Undo and redo stay focusable when there is nothing to undo (aria-disabled), so the arrow keys never skip into nothing.
  const history = (name: 'undo' | 'redo', label: string, glyph: string) => {
    const possible = name === 'undo' ? editor.can().undo() : editor.can().redo();
    return (
      <button type="button" class="rich-tool" aria-label={label} title={label} aria-disabled={possible ? undefined : 'true'} {...roving()} onClick={() => possible && run((chain) => chain[name]())}>
        <span aria-hidden="true">{glyph}</span>
      </button>
    );
  };

  const level = headingLevels.find((candidate) => editor.isActive('heading', { level: candidate }));
  const keys = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const controls = [...(toolbarRef.current?.querySelectorAll<HTMLElement>('button, select') ?? [])];
    const at = controls.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: controls.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    controls[(next + controls.length) % controls.length]?.focus();
  };

  return (
    <div class="rich-toolbar" role="toolbar" aria-label={labels.toolbar} aria-controls={areaId} ref={toolbarRef} onKeyDown={keys}>
      <select
        class="rich-tool"
        aria-label={labels.textStyle}
        value={level ? String(level) : 'p'}
        {...roving()}
        /* A select opens on mousedown: it keeps its own. */
        onMouseDown={undefined}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          run((chain) => (chosen === 'p' ? chain.setParagraph() : chain.setHeading({ level: Number(chosen) as 2 | 3 | 4 })));
        }}
      >
        <option value="p">{labels.paragraph}</option>
        <option value="2">{labels.heading2}</option>
        <option value="3">{labels.heading3}</option>
        <option value="4">{labels.heading4}</option>
      </select>
      {toggle('bold', labels.bold, labels.boldShort, (chain) => chain.toggleBold())}
      {toggle('italic', labels.italic, labels.italicShort, (chain) => chain.toggleItalic())}
      {toggle('underline', labels.underline, labels.underlineShort, (chain) => chain.toggleUnderline())}
      {toggle('bulletList', labels.bulletList, undefined, (chain) => chain.toggleBulletList())}
      {toggle('orderedList', labels.orderedList, undefined, (chain) => chain.toggleOrderedList())}
      {toggle('blockquote', labels.blockquote, undefined, (chain) => chain.toggleBlockquote())}
      <button type="button" class="rich-tool" aria-haspopup="dialog" aria-pressed={editor.isActive('link') ? 'true' : 'false'} {...roving()} onClick={() => onDialog('link')}>
        {labels.link}
      </button>
      {images && (
        <button type="button" class="rich-tool" aria-haspopup="dialog" {...roving()} onClick={() => onDialog('image')}>
          {labels.image}
        </button>
      )}
      <button type="button" class="rich-tool" aria-haspopup="dialog" {...roving()} onClick={() => onDialog('video')}>
        {labels.video}
      </button>
      {history('undo', labels.undo, '↶')}
      {history('redo', labels.redo, '↷')}
    </div>
  );
}
