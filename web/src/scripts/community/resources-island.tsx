/**
 * The resource library page, a Preact island built from the kit: search by
 * words (title, description, tags, in either language, any case or accents:
 * the API normalises), tag and language, results page by page ("Show more").
 * A resource's address is a person's input: it becomes a link only when it
 * is https:, otherwise it is shown as text. The NSS adds resources. Rules
 * and strings: resources-page.ts.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResourceResponse, ResourcesPage } from '../../../../functions/http/community/schemas.ts';
import { Badge } from '../../components/kit/Badge.tsx';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { EmptyState } from '../../components/kit/EmptyState.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { Pager } from '../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../components/kit/usePagedList.ts';
import { apiGet, apiPost } from '../common/api.ts';
import { countedText, isSafeLink, listPath } from './community.ts';
import { CommunityGate, type Me } from './community-gate.tsx';
import { failed } from '../common/problems.ts';
import { problemsByField } from '../common/form-problems.ts';
import { fill, language, t } from '../common/page.ts';
import { emptyFilter, emptyResource, filterQuery, pageWithItems, resourceBody, type FilterValues, type ResourceValues } from './resources-page.ts';
import { useCheckedForm, worded } from '../common/checked-form.ts';

type Problems<Values> = Partial<Record<keyof Values, string>>;

/** Focuses the first field marked wrong, once Preact has marked it. */
const focusInvalid = (form: HTMLFormElement | null) => requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

export default function ResourcesPage() {
  return <CommunityGate>{(me, opening) => <Library me={me} opening={opening} />}</CommunityGate>;
}

function Library({ me, opening }: { me: Me; opening: (firstRead: Promise<unknown>) => void }) {
  const query = useRef<Record<string, string>>({});
  const results = usePagedList<ResourceResponse>((cursor) => pageWithItems((from) => apiGet<ResourcesPage>(listPath('/resources', from, 20, query.current)), cursor));
  const [filter, setFilter] = useState<FilterValues>(emptyFilter);
  const [problems, setProblems] = useState<Problems<FilterValues>>({});
  const [searchStatus, setSearchStatus] = useState<Status>();
  const [listStatus, setListStatus] = useState<Status>();
  const [searching, setSearching] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (name: keyof FilterValues) => (event: { currentTarget: { value: string } }) => setFilter({ ...filter, [name]: event.currentTarget.value });

  useEffect(() => opening(results.reload()), []);

  const search = async (event: Event) => {
    event.preventDefault();
    setSearchStatus(undefined);
    const checked = filterQuery(filter);
    if ('problems' in checked) {
      setProblems(worded<keyof FilterValues & string>(checked.problems));
      focusInvalid(form.current);
      return;
    }
    setProblems({});
    setSearching(true);
    query.current = checked.query;
    try {
      const found = await results.reload();
      setSearchStatus({ tone: 'success', text: countedText(t, language, found.length, { one: 'resources.found.one', other: 'resources.found' }, { count: found.length }) });
    } catch (error) {
      const fields = problemsByField(error);
      if (fields) {
        setProblems(fields);
        focusInvalid(form.current);
      } else failed(error, setSearchStatus);
    } finally {
      setSearching(false);
    }
  };

  return (
    <>
      <p>{t('resources.intro')}</p>
      <section class="card" aria-labelledby="resource-filters-heading">
        <h2 id="resource-filters-heading">{t('resources.filters')}</h2>
        <form id="resource-filter" noValidate ref={form} onSubmit={(event) => void search(event)}>
          <FormField id="filter-words" label={t('resources.words')} hint={t('resources.wordsHint')} error={problems.q}>
            {(control) => <input {...control} name="q" type="search" maxLength={200} autocapitalize="none" value={filter.q} onInput={set('q')} />}
          </FormField>
          <div class="inline-fields">
            <FormField id="filter-tag" label={t('resources.tag')} hint={t('resources.tagHint')} error={problems.tag}>
              {(control) => <input {...control} name="tag" type="text" maxLength={40} autocapitalize="none" value={filter.tag} onInput={set('tag')} />}
            </FormField>
            <FormField id="filter-language" label={t('community.language')} hint={`${t('community.languageHint')} ${t('resources.anyLanguage')}`} error={problems.language}>
              {(control) => <input {...control} name="language" type="text" maxLength={2} autocapitalize="none" value={filter.language} onInput={set('language')} />}
            </FormField>
          </div>
          <BusyButton type="submit" busy={searching} busyLabel={t('common.busy')}>
            {t('resources.search')}
          </BusyButton>
          <StatusMessage status={searchStatus} />
        </form>
      </section>
      <section class="card" aria-labelledby="resource-results-heading">
        <h2 id="resource-results-heading" tabindex={-1}>
          {t('resources.results')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul class="plain decision-list">
          {results.items.map((resource) => (
            <ResourceItem key={resource.resourceId} resource={resource} />
          ))}
        </ul>
        {results.loaded && results.items.length === 0 && <EmptyState>{t('resources.none')}</EmptyState>}
        {results.loaded && (
          <Pager done={results.done} label={t('community.more')} busyLabel={t('common.busy')} onMore={() => results.more().catch((error: unknown) => failed(error, setListStatus))} />
        )}
      </section>
      {me.kind === 'nss' && (
        <AddResource
          added={async () => {
            // The library from its start, with no filter: the new resource is first.
            query.current = {};
            setFilter(emptyFilter);
            setProblems({});
            setSearchStatus(undefined);
            await results.reload();
          }}
        />
      )}
    </>
  );
}

function ResourceItem({ resource }: { resource: ResourceResponse }) {
  const safe = isSafeLink(resource.url);
  return (
    <li>
      <h3>
        {safe ? (
          <a href={resource.url} rel="noopener noreferrer">
            {resource.title}
          </a>
        ) : (
          resource.title
        )}
      </h3>
      {!safe && <p class="muted resource-address">{fill('resources.unsafeLink', { url: resource.url })}</p>}
      {resource.description && <p>{resource.description}</p>}
      <p class="muted">
        {t('resources.tags')}:{' '}
        {resource.tags.map((tag, index) => (
          <Fragment key={tag}>
            {index ? ' ' : ''}
            <Badge>{tag}</Badge>
          </Fragment>
        ))}{' '}
        · {t('community.language')}: {resource.language} · {fill('resources.addedBy', { name: resource.addedBy })}
      </p>
    </li>
  );
}

/** The NSS adds a resource: an https link, tags separated by commas, a language. */
function AddResource({ added }: { added: () => Promise<void> }) {
  const [values, setValues] = useState<ResourceValues>(emptyResource);
  const { problems, status, saving, form, showProblems, send } = useCheckedForm<keyof ResourceValues & string>('community.checkFields');
  const set = (name: keyof ResourceValues) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = resourceBody(values);
    if ('problems' in checked) return showProblems(worded(checked.problems));
    await send(async () => {
      const resource = await apiPost<ResourceResponse>('/resources', checked.body);
      setValues(emptyResource);
      await added();
      return { tone: 'success', text: fill('resources.added', { title: resource.title }) };
    });
  };

  return (
    <section id="curate" class="card" aria-labelledby="add-resource-heading">
      <h2 id="add-resource-heading">{t('resources.add')}</h2>
      <form id="resource-form" noValidate ref={form} onSubmit={(event) => void submit(event)}>
        <FormField id="resource-title" label={t('resources.resourceTitle')} error={problems.title}>
          {(control) => <input {...control} name="title" type="text" maxLength={200} required value={values.title} onInput={set('title')} />}
        </FormField>
        <FormField id="resource-url" label={t('resources.url')} hint={t('resources.urlHint')} error={problems.url}>
          {(control) => <input {...control} name="url" type="url" maxLength={2000} required autocapitalize="none" spellcheck={false} value={values.url} onInput={set('url')} />}
        </FormField>
        <FormField id="resource-description" label={t('resources.description')} error={problems.description}>
          {(control) => <textarea {...control} name="description" rows={3} maxLength={2000} value={values.description} onInput={set('description')} />}
        </FormField>
        <div class="inline-fields">
          <FormField id="resource-tags" label={t('resources.tags')} hint={t('resources.tagsHint')} error={problems.tags}>
            {(control) => <input {...control} name="tags" type="text" required value={values.tags} onInput={set('tags')} />}
          </FormField>
          <FormField id="resource-language" label={t('community.language')} hint={t('community.languageHint')} error={problems.language}>
            {(control) => <input {...control} name="language" type="text" maxLength={2} autocapitalize="none" required value={values.language} onInput={set('language')} />}
          </FormField>
        </div>
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('resources.addSubmit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
