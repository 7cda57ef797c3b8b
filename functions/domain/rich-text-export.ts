/**
 * The one server-side renderer of a rich-text document (issue 10), for the
 * Project Diary's export: Markdown, and the HTML of the printable page. The
 * site renders documents itself (web/src/components/kit/RichText.tsx); this
 * is the same structure as text for a file.
 *
 * Both keep what a reader needs of the structure — headings, bold, italic,
 * bullet and numbered lists (nested), quotes, links — and escape every text a
 * user wrote, so a text can never become markup: in Markdown every character
 * Markdown could read as syntax is backslashed; in HTML `& < > " '` are
 * entities. Links are written only when their href passes isAllowedHref again
 * (https and mailto), whatever the document says; a video is its provider's
 * privacy-enhanced embed link; an image is its alt text (an export carries no
 * URL to the materials: those are short-lived and need a check of the reader).
 *
 * Pure: no I/O.
 */
import { isAllowedHref, videoEmbedUrl, type RichBlock, type RichDoc, type RichListItem, type RichText, type RichVideo } from './rich-text.ts';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => htmlEscapes[character]);

/** Backslash before every character Markdown could read as markup; line breaks kept. */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (character) => `\\${character}`);

export interface ExportOptions {
  /**
   * Levels added to every heading: the diary export puts each entry under
   * its own `##` title, so an entry's h2 becomes h3 (at most h6).
   */
  headingOffset?: number;
}

const providerNames: Record<RichVideo['attrs']['provider'], string> = { youtube: 'YouTube', vimeo: 'Vimeo' };
const videoLabel = (video: RichVideo) => `${providerNames[video.attrs.provider]} video`;
const imageLabel = (alt: string | undefined) => (alt && alt.trim() !== '' ? `[Image: ${alt.trim()}]` : '[Image]');
const headingLevel = (level: number, offset = 0) => Math.min(6, level + offset);
const hrefOf = (run: RichText) => run.marks?.find((mark) => mark.type === 'link')?.attrs.href;
const has = (run: RichText, type: 'bold' | 'italic' | 'underline') => run.marks?.some((mark) => mark.type === type) ?? false;

// ---------------------------------------------------------------------------
// Markdown

/** A link destination Markdown cannot misread: the characters that end or wrap one are percent-encoded. */
const markdownDestination = (href: string) => href.replace(/[()<>\\ ]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function inlineMarkdown(runs: readonly RichText[] | undefined): string {
  return (runs ?? [])
    .map((run) => {
      // Emphasis must hug its text (CommonMark's flanking rule): spaces stay outside the delimiters.
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
      if (core === '') return run.text;
      let text = escapeMarkdown(core);
      if (has(run, 'italic')) text = `*${text}*`;
      if (has(run, 'bold')) text = `**${text}**`;
      // Markdown has no underline: the text stays, plain.
      const href = hrefOf(run);
      if (href !== undefined && isAllowedHref(href)) text = `[${text}](${markdownDestination(href)})`;
      return lead + text + trail;
    })
    .join('');
}

/** Every line after the first indented under a list marker; blank lines stay blank. */
const underMarker = (text: string, marker: string) =>
  text
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line === '' ? '' : ' '.repeat(marker.length) + line))
    .join('\n');

const isList = (node: RichBlock) => node.type === 'bulletList' || node.type === 'orderedList';

/** A list item's blocks: a list right after a paragraph stays tight (one line break), other blocks apart. */
function itemMarkdown(item: RichListItem, options: ExportOptions): string {
  const parts = item.content.map((block) => ({ block, text: blockMarkdown(block, options) })).filter((part) => part.text !== '');
  return parts.map((part, index) => (index === 0 ? '' : isList(part.block) ? '\n' : '\n\n') + part.text).join('');
}

function blockMarkdown(node: RichBlock, options: ExportOptions): string {
  switch (node.type) {
    case 'paragraph':
      return inlineMarkdown(node.content);
    case 'heading': {
      const text = inlineMarkdown(node.content);
      return text.trim() === '' ? '' : `${'#'.repeat(headingLevel(node.attrs.level, options.headingOffset))} ${text}`;
    }
    case 'bulletList':
    case 'orderedList':
      return node.content
        .map((item, index) => {
          const marker = node.type === 'bulletList' ? '- ' : `${(node.attrs?.start ?? 1) + index}. `;
          const text = itemMarkdown(item, options);
          return text === '' ? marker.trimEnd() : underMarker(text, marker);
        })
        .join('\n');
    case 'blockquote':
      return blocksMarkdown(node.content, options)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'image':
      return escapeMarkdown(imageLabel(node.attrs.alt));
    case 'video':
      return `[${escapeMarkdown(videoLabel(node))}](${videoEmbedUrl(node.attrs.provider, node.attrs.videoId)})`;
  }
}

const blocksMarkdown = (nodes: readonly RichBlock[], options: ExportOptions) =>
  nodes
    .map((node) => blockMarkdown(node, options))
    .filter((text) => text.trim() !== '')
    .join('\n\n');

/** The document as Markdown: blocks apart by a blank line. */
export function docToMarkdown(doc: RichDoc, options: ExportOptions = {}): string {
  return blocksMarkdown(doc.content, options);
}

// ---------------------------------------------------------------------------
// HTML

function inlineHtml(runs: readonly RichText[] | undefined): string {
  return (runs ?? [])
    .map((run) => {
      let html = escapeHtml(run.text).replace(/\n/g, '<br>');
      if (has(run, 'underline')) html = `<u>${html}</u>`;
      if (has(run, 'italic')) html = `<em>${html}</em>`;
      if (has(run, 'bold')) html = `<strong>${html}</strong>`;
      const href = hrefOf(run);
      if (href !== undefined && isAllowedHref(href)) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
      return html;
    })
    .join('');
}

function blockHtml(node: RichBlock, options: ExportOptions): string {
  switch (node.type) {
    case 'paragraph': {
      const html = inlineHtml(node.content);
      return html === '' ? '' : `<p>${html}</p>`;
    }
    case 'heading': {
      const html = inlineHtml(node.content);
      const level = headingLevel(node.attrs.level, options.headingOffset);
      return html === '' ? '' : `<h${level}>${html}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${node.content.map((item) => `<li>${blocksHtml(item.content, options)}</li>`).join('')}</ul>`;
    case 'orderedList': {
      const start = node.attrs?.start ?? 1;
      return `<ol${start === 1 ? '' : ` start="${start}"`}>${node.content.map((item) => `<li>${blocksHtml(item.content, options)}</li>`).join('')}</ol>`;
    }
    case 'blockquote':
      return `<blockquote>${blocksHtml(node.content, options)}</blockquote>`;
    case 'image':
      return `<p class="image">${escapeHtml(imageLabel(node.attrs.alt))}</p>`;
    case 'video': {
      const url = videoEmbedUrl(node.attrs.provider, node.attrs.videoId);
      return `<p><a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(videoLabel(node))}</a></p>`;
    }
  }
}

const blocksHtml = (nodes: readonly RichBlock[], options: ExportOptions) => nodes.map((node) => blockHtml(node, options)).join('');

/** The document as HTML elements (no page around them): every text escaped, links only https and mailto. */
export function docToHtml(doc: RichDoc, options: ExportOptions = {}): string {
  return blocksHtml(doc.content, options);
}
