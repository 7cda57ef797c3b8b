/**
 * A project's public page (?id=<projectId>), a Preact island built from the
 * kit. Anyone may read it, so it asks for no session and sends no token
 * (apiGetPublic). The first answer fills every part: the description and
 * facts, the granted Quality Labels (kit Badges, named in words), the
 * published public pages and the Project Diary's public entries (their texts
 * through the kit's RichText; replies by role, never by name); each of the two lists then reads its next page with
 * its own cursor ("Show more"). The agenda's iCalendar feed to subscribe to.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Badge, EmptyState, Pager, readerLocale, StatusMessage, usePagedList, type Status } from '../../components/kit/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { ApiError, apiGetPublic } from '../common/api.ts';
import { loadConfig, withoutTrailingSlash } from '../common/config.ts';
import { FilledDate } from '../common/filled-date.tsx';
import { fill, language, t } from '../common/page.ts';
import { explanation } from '../common/problems.ts';
import { Body } from '../common/rich-text.tsx';
import { displayName, labelCountries, partnerLine, publicQuery, type PublicAnswer, type PublicEntry, type PublicLabel, type PublicPageItem } from './public-page.ts';

const locale = readerLocale(language, navigator.languages);
const failure = (error: unknown): Status => ({ tone: 'error', text: explanation(error) });

export default function PublicPage() {
  const projectId = new URLSearchParams(location.search).get('id');
  const [answer, setAnswer] = useState<{ first: PublicAnswer; calendar: string }>();
  const [status, setStatus] = useState<Status | undefined>(projectId ? undefined : { tone: 'error', text: t('publicPage.missingId') });
  const [loading, setLoading] = useState(!!projectId);

  useEffect(() => {
    if (!projectId) return;
    Promise.all([apiGetPublic<PublicAnswer>(publicQuery(projectId)), loadConfig()])
      .then(([first, config]) => {
        document.getElementById('page-title')!.textContent = first.project.title;
        document.title = `${first.project.title} · ${t('publicPage.title')}`;
        const calendar = `${withoutTrailingSlash(config.api)}/public/projects/${encodeURIComponent(projectId)}/agenda.ics`;
        setAnswer({ first, calendar });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setStatus({ tone: 'error', text: t('publicPage.notFound') });
        else setStatus(failure(error));
      })
      .finally(() => setLoading(false));
  }, []);

  return (
    <>
      {loading && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={status} />
      {answer && projectId && <Project projectId={projectId} first={answer.first} calendar={answer.calendar} />}
    </>
  );
}

function Project({ projectId, first, calendar }: { projectId: string; first: PublicAnswer; calendar: string }) {
  const { project, labels } = first;
  return (
    <div id="public-project">
      {project.state === 'closed' && <p class="notice">{t('publicPage.closed')}</p>}
      <section class="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('publicPage.about')}</h2>
        <p class="page-text">{project.description}</p>
        <dl class="facts">
          <dt>{t('publicPage.subjects')}</dt>
          <dd>{project.subjects.join(', ')}</dd>
          <dt>{t('publicPage.ages')}</dt>
          <dd>{fill('publicPage.agesRange', { min: String(project.ages.min), max: String(project.ages.max) })}</dd>
          <dt>{t('publicPage.languages')}</dt>
          <dd>{project.languages.map((code) => displayName(code, 'language', language)).join(', ')}</dd>
          <dt>{t('publicPage.partners')}</dt>
          <dd>
            <ul class="plain">
              {project.partners.map((partner, index) => (
                <li key={index}>{partnerLine(partner, language)}</li>
              ))}
            </ul>
          </dd>
        </dl>
        <p>
          <a href={calendar} aria-describedby="public-agenda-hint">
            {t('publicPage.agenda')}
          </a>{' '}
          <span id="public-agenda-hint" class="hint">
            {t('publicPage.agendaHint')}
          </span>
        </p>
      </section>

      {labels.length > 0 && (
        <section class="card" aria-labelledby="public-labels-heading">
          <h2 id="public-labels-heading">{t('publicPage.labels')}</h2>
          <p class="hint">{t('publicPage.labelsIntro')}</p>
          <ul class="plain label-badges">
            {labels.map((label, index) => (
              <LabelItem key={index} label={label} />
            ))}
          </ul>
        </section>
      )}

      <PagedSection<PublicPageItem>
        id="public-pages"
        heading="publicPage.pages"
        none="publicPage.noPages"
        more="publicPage.more"
        first={first.pages}
        next={async (cursor) => (await apiGetPublic<PublicAnswer>(publicQuery(projectId, { list: 'pages', cursor }))).pages}
        render={(page) => <PageArticle key={page.pageId} page={page} />}
      />
      <PagedSection<PublicEntry>
        id="public-diary"
        heading="publicPage.diary"
        intro="publicPage.diaryIntro"
        none="publicPage.noDiary"
        more="publicPage.moreDiary"
        first={first.diary}
        next={async (cursor) => (await apiGetPublic<PublicAnswer>(publicQuery(projectId, { list: 'diary', cursor }))).diary}
        render={(entry) => <EntryArticle key={entry.entryId} entry={entry} />}
      />
    </div>
  );
}

/** A granted label: a badge naming its level in words, and the country (or countries) and school year. */
function LabelItem({ label }: { label: PublicLabel }) {
  return (
    <li class={`label-badge ${label.level}`}>
      <Badge variant="success">
        <span aria-hidden="true">★ </span>
        {t(`publicPage.label.${label.level}`)}
      </Badge>
      <span>{fill('publicPage.labelDetail', { country: labelCountries(label, language), year: label.schoolYear })}</span>
    </li>
  );
}

/** One of the page's two lists, read page by page: the first page from the first answer, the next ones with its own cursor. */
function PagedSection<Item>(props: {
  id: string;
  heading: MessageKey;
  intro?: MessageKey;
  none: MessageKey;
  more: MessageKey;
  first: { items: Item[]; nextCursor: string | null };
  next: (cursor: string) => Promise<{ items: Item[]; nextCursor: string | null }>;
  render: (item: Item) => JSX.Element;
}) {
  const list = usePagedList<Item>((cursor) => (cursor ? props.next(cursor) : Promise.resolve(props.first)));
  const [status, setStatus] = useState<Status>();
  useEffect(() => void list.reload(), []);
  return (
    <section class="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{t(props.heading)}</h2>
      {props.intro && <p class="hint">{t(props.intro)}</p>}
      <div id={props.id} class="public-list">
        {list.items.map(props.render)}
      </div>
      {list.loaded && list.items.length === 0 && <EmptyState>{t(props.none)}</EmptyState>}
      {list.loaded && <Pager done={list.done} label={t(props.more)} busyLabel={t('common.busy')} onMore={() => list.more().catch((error: unknown) => setStatus(failure(error)))} />}
      <StatusMessage status={status} />
    </section>
  );
}

function PageArticle({ page }: { page: PublicPageItem }) {
  return (
    <article aria-labelledby={`public-page-${page.pageId}`}>
      <h3 id={`public-page-${page.pageId}`}>{page.title}</h3>
      <p class="muted">
        <FilledDate text="publicPage.publishedOn" date={page.publishedAt} locale={locale} />
      </p>
      {/* Under the article's h3: the page's headings start at h4. Its pictures come with URLs the API issued for this page. */}
      <Body item={page} headingLevel={4} class="page-text" />
    </article>
  );
}

/** A public diary entry: its kind, date and text, and the replies by role (NSS or teacher), never by name. */
function EntryArticle({ entry }: { entry: PublicEntry }) {
  const kind = t(`diary.kind.${entry.kind}`);
  return (
    <article aria-labelledby={`public-entry-${entry.entryId}`}>
      <h3 id={`public-entry-${entry.entryId}`}>{entry.title}</h3>
      <p class="actions">
        <span class="visually-hidden">{`${t('publicPage.entryKind')}:`}</span>
        <Badge variant="info">{kind.startsWith('diary.kind.') ? entry.kind : kind}</Badge>
        {entry.kind === 'doubt' && <Badge variant={entry.answeredAt ? 'success' : 'neutral'}>{t(entry.answeredAt ? 'diary.answered' : 'diary.waiting')}</Badge>}
      </p>
      <p class="muted">
        <FilledDate text="publicPage.writtenOn" date={entry.createdAt} locale={locale} />
      </p>
      {/* No picture URLs for diary entries: their images show as their alt text. */}
      <Body item={entry} headingLevel={4} class="page-text" />
      {entry.replies.length > 0 && (
        <ul class="plain public-replies" aria-label={fill('publicPage.replies', { title: entry.title })}>
          {entry.replies.map((reply, index) => (
            <li key={index}>
              <p class="muted">
                <FilledDate text={`publicPage.reply.${reply.role}`} date={reply.createdAt} locale={locale} />
              </p>
              <div class="page-text">{reply.body}</div>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
