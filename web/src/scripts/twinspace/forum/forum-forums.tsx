/**
 * The forum's first level: each forum the member reads (the pupils' and the
 * teachers'), with its discussions newest first, read page by page, and
 * "Open a discussion" where the member may.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ForumArea } from '../../../../../functions/domain/forum.ts';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import type { DiscussionCreateBodyInput, DiscussionResponse } from '../../../../../functions/http/forum/schemas.ts';
import { EmptyState, Pager, StatusMessage, usePagedList, type Status } from '../../../components/kit/index.ts';
import { apiPost } from '../../common/api.ts';
import { acknowledgement } from '../guarded-post.tsx';
import { TopicOpener } from './forum-forms.tsx';
import type { ForumRights } from './forum-page.ts';
import { areaName, Byline, counted, forumUrl, type ForumApi } from './forum-shared.tsx';
import { failed } from '../../common/problems.ts';
import { fill, t } from '../../common/page.ts';
import type { WithRichBody } from '../../common/rich-body.ts';

interface Props {
  projectId: string;
  rights: ForumRights;
  api: ForumApi;
  /** After a move inside the page: the first forum's heading takes focus once it shows. */
  focus: boolean;
}

export function ForumsLevel({ projectId, rights, api, focus }: Props) {
  return (
    <div>
      {rights.readable.map((area, index) => (
        <AreaForum key={area} area={area} projectId={projectId} rights={rights} api={api} focus={focus && index === 0} />
      ))}
    </div>
  );
}

function AreaForum({ area, projectId, rights, api, focus }: Props & { area: ForumArea }) {
  const discussions = usePagedList(api.listDiscussions(area));
  const [status, setStatus] = useState<Status>();
  const [ready, setReady] = useState(false);
  const headingId = `forum-${area}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    discussions
      .reload()
      .catch((error: unknown) => failed(error, setStatus))
      .finally(() => setReady(true));
  }, []);
  useEffect(() => {
    if (ready && focus) heading.current?.focus();
  }, [ready]);

  const open = async (values: { title: string; body: RichDoc }, acknowledged: boolean) => {
    // Only teachers open discussions: never held, but warned before putting personal data in the pupils' forum.
    const discussion = await apiPost<DiscussionResponse>(`${api.base}/discussions`, { area, ...values, ...acknowledgement(acknowledged) } satisfies WithRichBody<DiscussionCreateBodyInput>);
    await discussions.reload().catch((error: unknown) => failed(error, setStatus));
    return fill('forum.discussionOpened', { title: discussion.title });
  };

  return (
    <section class="card" id={`forum-${area}`} aria-labelledby={headingId} hidden={!ready}>
      <h2 id={headingId} tabindex={-1} ref={heading}>
        {areaName(area)}
      </h2>
      <p class="muted">{t(`forum.intro.${area}`)}</p>
      <StatusMessage status={status} />
      <ul class="plain decision-list forum-list" aria-label={t('forum.discussions')}>
        {discussions.items.map((discussion) => (
          <li key={discussion.discussionId}>
            <a class="forum-title" href={forumUrl(projectId, { discussion: discussion.discussionId })}>
              {discussion.title}
            </a>
            <Byline post={discussion} extra={counted('forum.threadCount', discussion.threadCount)} />
          </li>
        ))}
      </ul>
      {discussions.loaded && discussions.items.length === 0 && <EmptyState>{t('forum.noDiscussions')}</EmptyState>}
      {discussions.loaded && (
        <Pager done={discussions.done} label={t('forum.more')} busyLabel={t('common.busy')} onMore={() => discussions.more().catch((error: unknown) => failed(error, setStatus))} />
      )}
      {rights.may('forum-open-discussion', area) && (
        <TopicOpener
          id={`discussion-${area}`}
          openLabel={t('forum.openDiscussion')}
          submitLabel={t('forum.openDiscussionSubmit')}
          onOpen={open}
          pictures={{ projectId, area }}
        />
      )}
    </section>
  );
}
