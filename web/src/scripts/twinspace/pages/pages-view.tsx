/**
 * What the pages island's parts share: the address of a view (the area's
 * list, one page), moving there with a message to say on arrival, a failure
 * said next to its control, and a page's author and date line with its badges.
 */
import type { PageResponse } from '../../../../../functions/http/pages/schemas.ts';
import { Badge, type Status } from '../../../components/kit/index.ts';
import { FilledDate } from '../../common/filled-date.tsx';
import { fill, pageUrl, t } from '../../common/page.ts';

/** The address of a view of the project's pages: an area's list, or one page (&page=). */
export const viewUrl = (projectId: string, query: { area: string; page?: string }) => pageUrl('twinspace/pages', { id: projectId, ...query });

// A message to say after moving to another address (a page created, deleted).
const flashKey = 'pages.flash';

/** Moves to another view, with a success message to say there. */
export function goWith(url: string, message: string): void {
  sessionStorage.setItem(flashKey, message);
  location.assign(url);
}

/** The message left by goWith, once. */
export function takeFlash(): Status | undefined {
  const message = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  return message ? { tone: 'success', text: message } : undefined;
}

/** Who wrote the page and when it was published (or last changed). */
export function PageByline({ page, locale }: { page: PageResponse; locale: string }) {
  const published = page.status === 'published' && page.publishedAt;
  return (
    <>
      {fill('pagesArea.by', { name: page.authorName })}
      {' · '}
      <FilledDate text={published ? 'pagesArea.publishedOn' : 'pagesArea.changedOn'} date={published || page.updatedAt} locale={locale} />
    </>
  );
}

/** A draft waiting for a publisher says so. */
export function SubmittedBadge({ page }: { page: PageResponse }) {
  return page.status === 'draft' && page.submittedForPublishing ? <Badge variant="info">{t('pagesArea.submitted')}</Badge> : null;
}
