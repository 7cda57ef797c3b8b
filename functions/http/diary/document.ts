/**
 * The Project Diary as one document (DOMAIN.md: the basis of the project's
 * final assessment): Markdown, or a printable HTML page. Pure rendering, no
 * I/O. Every text a user wrote is escaped: it is shown as text, never as
 * markup (Markdown's special characters too, so a title cannot become a link).
 * An entry's rich text keeps its structure — headings (under the entry's own
 * title), bold and italic, lists, quotes, links — through the one renderer of
 * functions/domain/rich-text-export.ts; replies are plain text.
 */
import type { DiaryEntry } from '../../data/diary.ts';
import { docToHtml, docToMarkdown, escapeHtml, escapeMarkdown } from '../../domain/rich-text-export.ts';

export { escapeHtml, escapeMarkdown };

/** An entry's title is `##` (h2): its own headings sit one level below. */
const underEntryTitle = { headingOffset: 1 };

const day = (iso: string) => iso.slice(0, 10);

export interface DiaryDocument {
  projectTitle: string;
  entries: DiaryEntry[];
}

export function diaryMarkdown({ projectTitle, entries }: DiaryDocument): string {
  const lines = [`# Project Diary: ${escapeMarkdown(projectTitle)}`, ''];
  if (entries.length === 0) lines.push('No entries yet.', '');
  for (const entry of entries) {
    lines.push(`## ${escapeMarkdown(entry.title)}`, '');
    lines.push(`*${entry.kind}, ${entry.visibility} — ${escapeMarkdown(entry.author.displayName)} (${entry.author.country}), ${day(entry.createdAt)}*`, '');
    lines.push(docToMarkdown(entry.content, underEntryTitle), '');
    for (const reply of entry.replies) {
      const who = reply.author.role === 'nss' ? `NSS ${reply.author.country}` : reply.author.country;
      lines.push(`> **${escapeMarkdown(reply.author.displayName)}** (${who}), ${day(reply.createdAt)}:`);
      for (const line of escapeMarkdown(reply.body).split('\n')) lines.push(`> ${line}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

export function diaryHtml({ projectTitle, entries }: DiaryDocument, lang = 'en'): string {
  const paragraphs = (text: string) => escapeHtml(text).split(/\n{2,}/).map((part) => `<p>${part.replace(/\n/g, '<br>')}</p>`).join('');
  const sections = entries.map((entry) => {
    const replies = entry.replies
      .map((reply) => {
        const who = reply.author.role === 'nss' ? `NSS ${escapeHtml(reply.author.country)}` : escapeHtml(reply.author.country);
        return `<blockquote><p><strong>${escapeHtml(reply.author.displayName)}</strong> (${who}), <time datetime="${escapeHtml(reply.createdAt)}">${day(reply.createdAt)}</time></p>${paragraphs(reply.body)}</blockquote>`;
      })
      .join('');
    return `<article><h2>${escapeHtml(entry.title)}</h2><p><em>${entry.kind}, ${entry.visibility} — ${escapeHtml(entry.author.displayName)} (${escapeHtml(entry.author.country)}), <time datetime="${escapeHtml(entry.createdAt)}">${day(entry.createdAt)}</time></em></p>${docToHtml(entry.content, underEntryTitle)}${replies}</article>`;
  });
  const title = `Project Diary: ${escapeHtml(projectTitle)}`;
  return [
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${title}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}article{break-inside:avoid;border-top:1px solid #888;padding-top:1rem}blockquote{border-left:4px solid #555;margin-left:0;padding-left:1rem}</style>',
    `</head><body><h1>${title}</h1>${sections.join('') || '<p>No entries yet.</p>'}</body></html>`,
  ].join('');
}
