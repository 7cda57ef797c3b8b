/**
 * Partner search (teachers only), a Preact island built from the kit: filters
 * by country (the sign-up's country picker, country-select.tsx), subject,
 * pupils' age and language; GET /partners read page by page ("Show more",
 * the kit's one pager), each teacher with a link to write to them through
 * desktop mail. The filters live in the address too, so a reload or a shared
 * link shows the same search. Anyone else reads why there is nothing here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PartnersPage } from '../../../../functions/http/desktop/schemas.ts';
import { BusyButton, EmptyState, FormField, Pager, StatusMessage, usePagedList, type Status } from '../../components/kit/index.ts';
import { apiGet } from '../common/api.ts';
import { counted } from '../common/counted.ts';
import { CountrySelect, countries, countryName } from '../common/country-select.tsx';
import { deskUrl } from './desk.ts';
import { useMe } from './desk-me.ts';
import { failed } from '../common/problems.ts';
import { problemsByField } from '../common/form-problems.ts';
import { fill, language, t } from '../common/page.ts';
import { emptyPagesFollowed, filtersOf, noFilters, partnerQuery, type Filter, type Filters } from './partners-page.ts';

type Partner = PartnersPage['items'][number];

const choices = countries(language);

export default function PartnersPage() {
  const { me, loading, status } = useMe();
  return (
    <>
      {loading && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={status} />
      {me && me.kind !== 'teacher' && <p class="card">{t('partners.teachersOnly')}</p>}
      {me?.kind === 'teacher' && <PartnerSearch />}
    </>
  );
}

function PartnerSearch() {
  const [values, setValues] = useState<Filters>(noFilters);
  const [problems, setProblems] = useState<Partial<Record<Filter, string>>>({});
  const [formStatus, setFormStatus] = useState<Status>();
  const [listStatus, setListStatus] = useState<Status>();
  const [searching, setSearching] = useState(false);
  /** The filters of the search shown (what the pager reads on with). */
  const filters = useRef<Partial<Filters>>({});
  const form = useRef<HTMLFormElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const partners = usePagedList<Partner>(async (cursor) => {
    // A filtered page can come back short or even empty: follow the cursor a few times before showing "nothing".
    let page: PartnersPage;
    let follows = 0;
    do {
      const query = new URLSearchParams({ ...filters.current, limit: '10' });
      if (cursor) query.set('cursor', cursor);
      page = await apiGet<PartnersPage>(`/partners?${query}`);
      cursor = page.nextCursor;
    } while (page.items.length === 0 && cursor && ++follows < emptyPagesFollowed);
    return page;
  });

  /** Marks the filters and focuses the first, once Preact has marked it. */
  const showProblems = (found: Partial<Record<Filter, string>>) => {
    setProblems(found);
    setFormStatus({ tone: 'error', text: t('desk.checkFields') });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  /** Reads the first page of a search, in place of what was shown. */
  const search = async (query: Partial<Filters>) => {
    filters.current = query;
    setListStatus(undefined);
    setSearching(true);
    try {
      await partners.reload();
      resultsHeading.current?.focus();
    } catch (error) {
      const found = problemsByField(error);
      if (found) showProblems(found);
      else failed(error, setFormStatus);
    } finally {
      setSearching(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setProblems({});
    setFormStatus(undefined);
    const checked = partnerQuery(values);
    if ('problems' in checked) return showProblems(Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, t(key)])));
    const query = new URLSearchParams(checked.query);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
    void search(checked.query);
  };

  // A search in the address (a reload, a shared link) runs at once; a filter that needs fixing is marked and left out.
  useEffect(() => {
    const given = filtersOf(location.search);
    if (!given) return;
    setValues(given);
    const checked = partnerQuery(given);
    if ('problems' in checked) {
      setProblems(Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, t(key)])));
      void search({});
    } else void search(checked.query);
  }, []);

  const set = (name: Filter) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });
  const count = partners.items.length;

  return (
    <>
      <section class="card" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('partners.filters')}</h2>
        <p>{t('partners.intro')}</p>
        <form ref={form} noValidate onSubmit={submit}>
          <div class="filters">
            <FormField id="filter-country" label={t('partners.country')} error={problems.country}>
              {(control) => (
                <CountrySelect
                  {...control}
                  name="country"
                  countries={choices}
                  emptyLabel={t('partners.anyCountry')}
                  value={values.country}
                  onChange={(country) => setValues({ ...values, country })}
                />
              )}
            </FormField>
            <FormField id="filter-subject" label={t('partners.subject')} error={problems.subject}>
              {(control) => <input {...control} type="text" maxLength={60} value={values.subject} onInput={set('subject')} />}
            </FormField>
            <FormField id="filter-age" label={t('partners.age')} error={problems.age}>
              {(control) => <input {...control} type="number" inputMode="numeric" min={3} max={19} value={values.age} onInput={set('age')} />}
            </FormField>
            <FormField id="filter-language" label={t('partners.language')} error={problems.language}>
              {(control) => <input {...control} type="text" maxLength={2} autoCapitalize="none" value={values.language} onInput={set('language')} />}
            </FormField>
          </div>
          <BusyButton type="submit" busy={searching} busyLabel={t('partners.searching')}>
            {t('partners.search')}
          </BusyButton>
          <StatusMessage status={formStatus} />
        </form>
      </section>

      {partners.loaded && (
        <section class="card" aria-labelledby="results-heading">
          <h2 id="results-heading" tabindex={-1} ref={resultsHeading}>
            {t('partners.results')}
          </h2>
          {count > 0 && <p class="muted">{counted(count, { one: 'partners.found.one', other: 'partners.found' })}</p>}
          <ul class="plain partner-list">
            {partners.items.map((partner) => (
              <PartnerItem key={partner.userId} partner={partner} />
            ))}
          </ul>
          {count === 0 && <EmptyState>{t('partners.none')}</EmptyState>}
          <Pager
            done={partners.done}
            label={t('partners.more')}
            busyLabel={t('partners.searching')}
            onMore={() => partners.more().catch((error: unknown) => failed(error, setListStatus))}
          />
          <StatusMessage status={listStatus} />
        </section>
      )}
    </>
  );
}

function PartnerItem({ partner }: { partner: Partner }) {
  const facts: [string, string | undefined][] = [
    [t('partners.country'), countryName(partner.country, language)],
    [t('partners.school'), partner.school],
    [t('partners.subjects'), partner.subjects.join(', ')],
    [t('partners.languages'), partner.languages.join(', ')],
    [t('partners.ages'), partner.ages && fill('desk.years', { min: String(partner.ages.min), max: String(partner.ages.max) })],
  ];
  return (
    <li>
      <h3>{partner.displayName}</h3>
      <dl class="facts">
        {facts
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {partner.about && <p class="muted">{partner.about}</p>}
      <a class="button-link" href={deskUrl('mail', { compose: '1', to: partner.userId, name: partner.displayName })}>
        {fill('partners.writeTo', { name: partner.displayName })}
      </a>
    </li>
  );
}
