/**
 * The resource library (DOMAIN.md, "Desktop": curated by the NSS, searchable
 * by tag and language). Pure rules, no I/O.
 */
import type { AccountKind } from './twinspace-types.ts';

/** Teachers read the library; the NSS curates it and reads what it curated. Pupils, guests, evaluators: no. */
/** A resource's tags are written in one transaction (DynamoDB allows 100 items): META + at most 10 tags stays far below. */
export const maxTags = 10;

export const mayReadResources = (kind: AccountKind | undefined) => kind === 'teacher' || kind === 'nss';
export const mayCurateResources = (kind: AccountKind | undefined) => kind === 'nss';

/**
 * Whether a link given by a person may be rendered as a link: https only
 * (never javascript:, data:, or plain http). The site applies the same rule
 * to what the API returns, whatever is stored.
 */
export function isSafeLink(url: string): boolean {
  if (!URL.canParse(url)) return false;
  return new URL(url).protocol === 'https:';
}
