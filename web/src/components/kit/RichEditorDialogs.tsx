/**
 * The editor's three dialogs, each a native modal <dialog> (the page behind
 * is inert, Escape closes it, the editor takes focus back): a link (https://
 * or mailto: only, refused otherwise with a sentence), a video (a YouTube or
 * Vimeo address, read by parseVideoUrl; only its provider and id are kept)
 * and a picture from the project's albums (ImageSource), which needs its
 * alt text. Part of the editor's chunk.
 */
import type { Editor } from '@tiptap/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isAllowedHref, richTextLimits } from '../../../../functions/domain/rich-text-core.ts';
import { parseVideoUrl } from '../../../../functions/domain/video-url.ts';
import { FormField } from './FormField.tsx';
import { editorImages, insertBlock } from './rich-editor-schema.ts';
import type { ImageSource, PickerAlbum, PickerImage, RichEditorLabels } from './rich-editor-types.ts';

let dialogs = 0;

/**
 * A modal dialog with its heading as its name; open while mounted. As it
 * closes, the text takes the focus back, in the same task (the browser would
 * give it to the toolbar's button, and a frame later a key is already lost).
 */
function EditorDialog({ editor, heading, onClose, children }: { editor: Editor; heading: string; onClose: () => void; children: (headingId: string) => ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useRef(`rich-dialog-${++dialogs}`).current;
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    element.querySelector<HTMLElement>('input, button')?.focus();
    return () => {
      element.close();
      if (!editor.isDestroyed) editor.view.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      class="rich-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: the editor closes it (one source of truth for what is open).
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={headingId} class="rich-dialog-heading">
        {heading}
      </h2>
      {children(headingId)}
    </dialog>
  );
}

interface DialogProps {
  editor: Editor;
  labels: RichEditorLabels;
  onClose: () => void;
}

export function LinkDialog({ editor, labels, onClose }: DialogProps) {
  const current = editor.getAttributes('link').href as string | undefined;
  const [href, setHref] = useState(current ?? '');
  const [problem, setProblem] = useState<string>();

  const apply = (event: Event) => {
    event.preventDefault();
    const address = href.trim();
    if (!isAllowedHref(address)) return setProblem(labels.linkRefused);
    const chain = editor.chain().extendMarkRange('link');
    // Nothing selected: the address itself becomes the linked text.
    if (editor.state.selection.empty && !current) chain.insertContent({ type: 'text', text: address, marks: [{ type: 'link', attrs: { href: address } }] });
    else chain.setMark('link', { href: address });
    chain.run();
    onClose();
  };
  const remove = () => {
    editor.chain().extendMarkRange('link').unsetMark('link').run();
    onClose();
  };

  return (
    <EditorDialog editor={editor} heading={labels.linkHeading} onClose={onClose}>
      {() => (
        <form noValidate onSubmit={apply}>
          <FormField id="rich-link-href" label={labels.linkAddress} hint={labels.linkHint} error={problem}>
            {(control) => <input {...control} type="url" inputMode="url" autocomplete="url" value={href} onInput={(event) => setHref(event.currentTarget.value)} />}
          </FormField>
          <div class="actions">
            <button type="submit">{labels.linkApply}</button>
            {current && (
              <button type="button" class="secondary" onClick={remove}>
                {labels.linkRemove}
              </button>
            )}
            <button type="button" class="secondary" onClick={onClose}>
              {labels.cancel}
            </button>
          </div>
        </form>
      )}
    </EditorDialog>
  );
}

export function VideoDialog({ editor, labels, onClose }: DialogProps) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string>();

  const insert = (event: Event) => {
    event.preventDefault();
    const video = parseVideoUrl(url);
    if (!video) return setProblem(labels.videoRefused);
    insertBlock(editor, { type: 'video', attrs: video });
    onClose();
  };

  return (
    <EditorDialog editor={editor} heading={labels.videoHeading} onClose={onClose}>
      {() => (
        <form noValidate onSubmit={insert}>
          <FormField id="rich-video-url" label={labels.videoAddress} hint={labels.videoHint} error={problem}>
            {(control) => <input {...control} type="url" inputMode="url" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />}
          </FormField>
          <div class="actions">
            <button type="submit">{labels.videoInsert}</button>
            <button type="button" class="secondary" onClick={onClose}>
              {labels.cancel}
            </button>
          </div>
        </form>
      )}
    </EditorDialog>
  );
}

/** Read once: the dialog's lists, or the words of why they could not be read. */
type Loaded<Item> = { items: Item[] } | { failure: string } | undefined;
const loadInto = <Item,>(load: Promise<Item[]>, set: (loaded: Loaded<Item>) => void) =>
  load.then(
    (items) => set({ items }),
    (error: unknown) => set({ failure: error instanceof Error ? error.message : String(error) }),
  );

export function ImageDialog({ editor, labels, images, onClose }: DialogProps & { images: ImageSource }) {
  const [albums, setAlbums] = useState<Loaded<PickerAlbum>>();
  const [album, setAlbum] = useState<PickerAlbum>();
  const [pictures, setPictures] = useState<Loaded<PickerImage>>();
  const [chosen, setChosen] = useState<PickerImage>();
  const [alt, setAlt] = useState('');
  const [problems, setProblems] = useState<{ image?: string; alt?: string }>({});
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => void loadInto(images.albums(), setAlbums), []);

  const open = (picked: PickerAlbum) => {
    setAlbum(picked);
    setPictures(undefined);
    setChosen(undefined);
    void loadInto(images.images(picked.materialId), setPictures).then(() => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input, button')?.focus()));
  };
  const back = () => {
    setAlbum(undefined);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('button')?.focus());
  };

  const insert = (event: Event) => {
    event.preventDefault();
    const found = { image: chosen ? undefined : labels.chooseImage, alt: alt.trim() ? undefined : labels.altMissing };
    setProblems(found);
    if (!chosen || found.alt) return requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    editorImages.set(chosen.fileId, chosen.urls);
    insertBlock(editor, { type: 'image', attrs: { materialId: chosen.materialId, fileId: chosen.fileId, alt: alt.trim() } });
    onClose();
  };

  const cancel = (
    <button type="button" class="secondary" onClick={onClose}>
      {labels.cancel}
    </button>
  );
  return (
    <EditorDialog editor={editor} heading={labels.imageHeading} onClose={onClose}>
      {() =>
        !album ? (
          <div>
            <h3 class="rich-dialog-step">{labels.albums}</h3>
            {!albums && <p class="muted">{labels.loadingAlbums}</p>}
            {albums && 'failure' in albums && <p role="alert">{albums.failure}</p>}
            {albums && 'items' in albums && albums.items.length === 0 && <p>{labels.noAlbums}</p>}
            {albums && 'items' in albums && (
              <ul class="plain rich-albums">
                {albums.items.map((item) => (
                  <li key={item.materialId}>
                    <button type="button" class="secondary rich-album" onClick={() => open(item)}>
                      {item.cover && <img src={item.cover} alt="" loading="lazy" />}
                      <span>
                        <strong>{item.title}</strong> <span class="muted">{item.detail}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div class="actions">{cancel}</div>
          </div>
        ) : (
          <form ref={form} noValidate onSubmit={insert}>
            <fieldset class="rich-pictures" aria-describedby={problems.image ? 'rich-image-choice-error' : undefined}>
              <legend>{labels.albumImages.replace('{title}', album.title)}</legend>
              {!pictures && <p class="muted">{labels.loadingAlbums}</p>}
              {pictures && 'failure' in pictures && <p role="alert">{pictures.failure}</p>}
              {pictures && 'items' in pictures && pictures.items.length === 0 && <p>{labels.noImages}</p>}
              {pictures &&
                'items' in pictures &&
                pictures.items.map((picture) => (
                  <div class="rich-picture" key={picture.fileId}>
                    <input
                      type="radio"
                      name="rich-picture"
                      id={`rich-picture-${picture.fileId}`}
                      checked={chosen?.fileId === picture.fileId}
                      aria-invalid={problems.image ? 'true' : undefined}
                      onChange={() => setChosen(picture)}
                    />
                    <label for={`rich-picture-${picture.fileId}`}>
                      <img src={picture.urls.small} alt="" loading="lazy" />
                      <span>{picture.name}</span>
                    </label>
                  </div>
                ))}
              <p id="rich-image-choice-error" class="field-error" hidden={!problems.image}>
                {problems.image ?? ''}
              </p>
            </fieldset>
            <FormField id="rich-image-alt" label={labels.alt} hint={labels.altHint} error={problems.alt}>
              {(control) => <input {...control} type="text" maxLength={richTextLimits.alt} value={alt} onInput={(event) => setAlt(event.currentTarget.value)} />}
            </FormField>
            <div class="actions">
              <button type="submit">{labels.imageInsert}</button>
              <button type="button" class="secondary" onClick={back}>
                {labels.backToAlbums}
              </button>
              {cancel}
            </div>
          </form>
        )
      }
    </EditorDialog>
  );
}
