/**
 * The one renderer of a rich-text document (functions/domain/rich-text.ts):
 * pages, forum posts, diary entries and Home posts all show their text
 * through it. It builds elements only: every text run is JSX text (escaped),
 * nothing is ever set as markup. It trusts nothing in the document it is
 * given: a link whose href isAllowedHref refuses is shown as plain text, a
 * video is only ever the provider's privacy-enhanced embed made by
 * videoEmbedUrl (no other iframe), and an image is only shown from the URLs
 * the API issued for it (`media`); without one, its alt text stands in.
 *
 * Headings: a document holds h2–h4 as written; `headingLevel` is the level
 * its h2 takes on this page (one below the heading the text sits under), so
 * the page's outline stays in order. Levels past h6 stay h6.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import { isAllowedHref, type RichBlock, type RichDoc, type RichImage, type RichText as RichRun, type RichVideo } from '../../../../functions/domain/rich-text-core.ts';

import { VideoFrame } from './VideoFrame.tsx';
import type { DocumentMedia as ApiDocumentMedia, ImageUrls } from '../../../../functions/http/materials/schemas.ts';

/** The presigned URLs of one image's renditions, by size (the API's `media[fileId]`). */
export type MediaUrls = ImageUrls;
/** The images a document shows, by fileId. */
export type DocumentMedia = Readonly<ApiDocumentMedia>;

/** The renderer's words (the kit has none of its own). `video` may hold {provider} and {id}: each frame's title must differ. */
export interface RichTextLabels {
  video: string;
  imageMissing: string;
  videoMissing: string;
}

interface Props {
  doc: RichDoc;
  media?: DocumentMedia;
  labels: RichTextLabels;
  /** The level a document's h2 takes here (default 2: as stored). */
  headingLevel?: number;
  class?: string;
  id?: string;
}

const providerNames = { youtube: 'YouTube', vimeo: 'Vimeo' } as const;
/** The widths the API's thumbnails have (functions/domain/materials.ts: 320 and 1280). */
const sizes = '(max-width: 45rem) 100vw, 45rem';
/** Only an http(s) URL is a picture's source (the API's presigned URLs; locally http://localhost). */
const isImageUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

export function RichText({ doc, media = {}, labels, headingLevel = 2, class: className, id }: Props) {
  const context: Context = { media, labels, headingLevel };
  return (
    <div id={id} class={className ? `rich-text ${className}` : 'rich-text'}>
      {blocks(doc.content, context)}
    </div>
  );
}

interface Context {
  media: DocumentMedia;
  labels: RichTextLabels;
  headingLevel: number;
}

function blocks(nodes: readonly RichBlock[] | undefined, context: Context): ComponentChildren {
  return (nodes ?? []).map((node, index) => <Block key={index} node={node} context={context} />);
}

function Block({ node, context }: { node: RichBlock; context: Context }): JSX.Element | null {
  switch (node.type) {
    case 'paragraph':
      return <p>{inline(node.content)}</p>;
    case 'heading': {
      const level = Math.min(6, Math.max(2, context.headingLevel + (node.attrs?.level ?? 2) - 2));
      const Heading = `h${level}` as 'h2';
      return <Heading>{inline(node.content)}</Heading>;
    }
    case 'bulletList':
      return <ul>{listItems(node.content, context)}</ul>;
    case 'orderedList': {
      const start = node.attrs?.start;
      return <ol start={typeof start === 'number' && start > 1 ? start : undefined}>{listItems(node.content, context)}</ol>;
    }
    case 'blockquote':
      return <blockquote>{blocks(node.content, context)}</blockquote>;
    case 'image':
      return <Image attrs={node.attrs} context={context} />;
    case 'video':
      return <Video attrs={node.attrs} labels={context.labels} />;
    default:
      // A node outside the schema (the API refuses them): nothing of it is shown.
      return null;
  }
}

function listItems(items: readonly { content: RichBlock[] }[] | undefined, context: Context) {
  return (items ?? []).map((item, index) => <li key={index}>{blocks(item.content, context)}</li>);
}

/** Text runs with their marks; a link only when its href passes the same check the API made. */
function inline(runs: readonly RichRun[] | undefined): ComponentChildren {
  return (runs ?? []).map((run, index) => {
    let shown: ComponentChildren = typeof run.text === 'string' ? run.text : '';
    // The link outermost, as an editor nests it; the other marks inside, in a fixed order.
    const marks = run.marks ?? [];
    if (marks.some((mark) => mark.type === 'underline')) shown = <u>{shown}</u>;
    if (marks.some((mark) => mark.type === 'italic')) shown = <em>{shown}</em>;
    if (marks.some((mark) => mark.type === 'bold')) shown = <strong>{shown}</strong>;
    const link = marks.find((mark) => mark.type === 'link');
    const href = link && 'attrs' in link ? link.attrs?.href : undefined;
    if (typeof href === 'string' && isAllowedHref(href)) {
      shown = (
        <a href={href} rel="noopener noreferrer nofollow">
          {shown}
        </a>
      );
    }
    return <Fragment key={index}>{shown}</Fragment>;
  });
}

function Image({ attrs, context }: { attrs: RichImage['attrs']; context: Context }) {
  const urls = context.media[attrs.fileId];
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  if (!urls || !isImageUrl(urls.large)) {
    return (
      <figure class="rich-image rich-missing">
        <p>{alt || context.labels.imageMissing}</p>
      </figure>
    );
  }
  const small = isImageUrl(urls.small) ? urls.small : urls.large;
  return (
    <figure class="rich-image">
      <img src={urls.large} srcset={`${small} 320w, ${urls.large} 1280w`} sizes={sizes} alt={alt} loading="lazy" decoding="async" />
    </figure>
  );
}

function Video({ attrs, labels }: { attrs: RichVideo['attrs']; labels: RichTextLabels }) {
  const name = attrs.provider === 'youtube' || attrs.provider === 'vimeo' ? providerNames[attrs.provider] : '';
  const title = labels.video.replace('{provider}', name).replace('{id}', attrs.videoId);
  return <VideoFrame class="rich-video" provider={attrs.provider} videoId={attrs.videoId} title={title} missing={<p>{labels.videoMissing}</p>} />;
}
