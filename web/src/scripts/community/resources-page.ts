/**
 * The resource library's rules, pure (no DOM; unit-tested in node): the
 * strings its island (resources-island.tsx) reads, the search form → the
 * API's query, the add form → the API's body, and reading past empty pages
 * (a search by words filters its pages on the server, so a page can come
 * back empty with more to follow).
 */
import type { ResourceCreateBodyInput, ResourcesPage } from '../../../../functions/http/community/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { communityStrings, isLanguageCode, isSafeLink } from './community.ts';

export const resourcesStrings = [
  ...communityStrings,
  'resources.intro',
  'resources.filters',
  'resources.words',
  'resources.wordsHint',
  'resources.tag',
  'resources.tagHint',
  'resources.anyLanguage',
  'resources.tagInvalid',
  'resources.search',
  'resources.results',
  'resources.none',
  'resources.found',
  'resources.found.one',
  'resources.tags',
  'resources.addedBy',
  'resources.unsafeLink',
  'resources.add',
  'resources.resourceTitle',
  'resources.url',
  'resources.urlHint',
  'resources.urlInvalid',
  'resources.description',
  'resources.tagsHint',
  'resources.addSubmit',
  'resources.added',
] as const satisfies readonly MessageKey[];

export interface FilterValues {
  q: string;
  tag: string;
  language: string;
}

export const emptyFilter: FilterValues = { q: '', tag: '', language: '' };

/** The search form as the API's query (only what was given), or what is wrong, field by field. */
export function filterQuery(typed: FilterValues): { query: Record<string, string> } | { problems: Partial<Record<keyof FilterValues, MessageKey>> } {
  const q = typed.q.trim();
  const tag = typed.tag.trim();
  const language = typed.language.trim();
  const problems: Partial<Record<keyof FilterValues, MessageKey>> = {};
  if (tag && !/^[\p{L}\p{N}][\p{L}\p{N}\s-]{0,39}$/u.test(tag)) problems.tag = 'resources.tagInvalid';
  if (language && !isLanguageCode(language)) problems.language = 'community.languageInvalid';
  if (Object.keys(problems).length) return { problems };
  const query: Record<string, string> = {};
  if (q) query.q = q;
  if (tag) query.tag = tag;
  if (language) query.language = language;
  return { query };
}

export interface ResourceValues {
  title: string;
  url: string;
  description: string;
  /** Separated by commas. */
  tags: string;
  language: string;
}

export const emptyResource: ResourceValues = { title: '', url: '', description: '', tags: '', language: '' };

/** The add form as the API's body, or what is missing or wrong, field by field. */
export function resourceBody(typed: ResourceValues): { body: ResourceCreateBodyInput } | { problems: Partial<Record<keyof ResourceValues, MessageKey>> } {
  const body = {
    title: typed.title.trim(),
    url: typed.url.trim(),
    description: typed.description.trim(),
    tags: typed.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    language: typed.language.trim(),
  } satisfies ResourceCreateBodyInput;
  const problems: Partial<Record<keyof ResourceValues, MessageKey>> = {};
  if (!body.title) problems.title = 'community.required';
  if (!isSafeLink(body.url)) problems.url = 'resources.urlInvalid';
  if (!body.tags.length) problems.tags = 'community.required';
  if (!isLanguageCode(body.language)) problems.language = 'community.languageInvalid';
  return Object.keys(problems).length ? { problems } : { body };
}

/** Empty pages followed before showing what was found (and "Show more" when there is still more). */
export const emptyPagesFollowed = 5;

/** One page from `cursor`; an empty page with more to follow is followed, a few times at most. */
export async function pageWithItems(read: (cursor: string | null) => Promise<ResourcesPage>, cursor: string | null): Promise<ResourcesPage> {
  let page = await read(cursor);
  for (let follows = 0; page.items.length === 0 && page.nextCursor && follows < emptyPagesFollowed; follows++) page = await read(page.nextCursor);
  return page;
}
