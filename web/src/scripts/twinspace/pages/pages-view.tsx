/**
 * What the pages island's parts share: the address of a view (the area's
 * list, one page), moving there with a message to say on arrival, a failure
 * said next to its control, and a page's author and date line with its badges.
 */
import type { PageResponse } from '../../../../../functions/http/pages/schemas.ts';
import { Badge } from '../../../components/kit/index.ts';
import { FilledDate } from '../../common/filled-date.tsx';
import { fill, pageUrl, t } from '../../common/page.ts';

/** The address of a view of the project's pages: an area's list, or one page (&page=). */
export const viewUrl = (projectId: string, query: { area: string; page?: string }) => pageUrl('twinspace/pages', { id: projectId, ...query });

// Moving to another view with a message to say there (common/flash.ts, shared with the materials tab).
export { goWith, takeFlash } from '../../common/flash.ts';

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
