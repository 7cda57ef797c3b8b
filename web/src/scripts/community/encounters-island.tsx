/**
 * The encounters page, a Preact island built from the kit: upcoming
 * encounters, soonest first (paged, "Show more"), each with its date in the
 * page's language and the reader's own time zone, named (the API keeps UTC),
 * seats left in words, my registration as a badge (a seat, or my place on
 * the waiting list), and the join link once I have a seat (https only,
 * checked here again). Teachers register (a seat or the waiting list) and
 * cancel (after a confirm: the place goes to the next in line); the NSS
 * organises new ones and registers for none. Rules and strings: encounters-page.ts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EncounterRegistrationResponse, EncounterResponse, EncountersPage } from '../../../../functions/http/community/schemas.ts';
import { Badge } from '../../components/kit/Badge.tsx';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { ConfirmDialog } from '../../components/kit/ConfirmDialog.tsx';
import { AbsoluteDate } from '../../components/kit/Dates.tsx';
import { EmptyState } from '../../components/kit/EmptyState.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { Pager } from '../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../components/kit/usePagedList.ts';
import { apiDelete, apiGet, apiPost } from '../common/api.ts';
import { isSafeLink, listPath } from './community.ts';
import { CommunityGate, type Me } from './community-gate.tsx';
import { failed } from '../common/problems.ts';
import { dateLocale } from '../common/dates.ts';
import { emptyEncounter, encounterBody, seatsText, zoneAt, zoneLabel, type EncounterField, type EncounterValues } from './encounters-page.ts';
import { fill, language, t } from '../common/page.ts';
import { useCheckedForm, worded } from '../common/checked-form.ts';

export default function EncountersPage() {
  return <CommunityGate>{(me, opening) => <Encounters me={me} opening={opening} />}</CommunityGate>;
}

function Encounters({ me, opening }: { me: Me; opening: (firstRead: Promise<unknown>) => void }) {
  const encounters = usePagedList<EncounterResponse>((cursor) => apiGet<EncountersPage>(listPath('/encounters', cursor)));
  const [listStatus, setListStatus] = useState<Status>();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [toCancel, setToCancel] = useState<EncounterResponse>();
  const [working, setWorking] = useState<string>();

  useEffect(() => opening(encounters.reload()), []);

  /** Runs a registration change; the list is read again (seats are the server's), and what happened is said under its heading. */
  const act = async (encounterId: string, work: () => Promise<string>) => {
    setListStatus(undefined);
    setWorking(encounterId);
    try {
      const said = await work();
      await encounters.reload();
      setListStatus({ tone: 'success', text: said });
      listHeading.current?.focus();
    } catch (error) {
      failed(error, setListStatus);
    } finally {
      setWorking(undefined);
    }
  };

  const register = (encounter: EncounterResponse) =>
    act(encounter.encounterId, async () => {
      const registration = await apiPost<EncounterRegistrationResponse>(`/encounters/${encodeURIComponent(encounter.encounterId)}/registrations`, {});
      return registration.status === 'seat'
        ? fill('encounters.registeredSeat', { title: encounter.title })
        : fill('encounters.registeredWaiting', { title: encounter.title, position: String(registration.position ?? '') });
    });

  const cancel = (encounter: EncounterResponse) =>
    act(encounter.encounterId, async () => {
      await apiDelete(`/encounters/${encodeURIComponent(encounter.encounterId)}/registrations/${encodeURIComponent(me.userId)}`);
      return fill('encounters.cancelled', { title: encounter.title });
    });

  const teacher = me.kind === 'teacher';
  return (
    <>
      <p>{t('encounters.intro')}</p>
      <section class="card" aria-labelledby="encounter-list-heading">
        <h2 id="encounter-list-heading" tabindex={-1} ref={listHeading}>
          {t('encounters.list')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul class="plain decision-list">
          {encounters.items.map((encounter) => (
            <EncounterItem
              key={encounter.encounterId}
              encounter={encounter}
              teacher={teacher}
              busy={working === encounter.encounterId}
              onRegister={() => register(encounter)}
              onCancel={() => setToCancel(encounter)}
            />
          ))}
        </ul>
        {encounters.loaded && encounters.items.length === 0 && <EmptyState>{t('encounters.none')}</EmptyState>}
        {encounters.loaded && (
          <Pager
            done={encounters.done}
            label={t('community.more')}
            busyLabel={t('common.busy')}
            onMore={() => encounters.more().catch((error: unknown) => failed(error, setListStatus))}
          />
        )}
      </section>
      {me.kind === 'nss' && (
        <Organise
          created={async (title) => {
            await encounters.reload();
            listHeading.current?.focus();
            return fill('encounters.created', { title });
          }}
        />
      )}
      <ConfirmDialog
        open={!!toCancel}
        question={toCancel ? fill('encounters.confirmCancel', { title: toCancel.title }) : ''}
        confirmLabel={t('encounters.cancel')}
        cancelLabel={t('encounters.keep')}
        onConfirm={() => {
          const encounter = toCancel;
          setToCancel(undefined);
          if (encounter) void cancel(encounter);
        }}
        onCancel={() => setToCancel(undefined)}
      />
    </>
  );
}

interface ItemProps {
  encounter: EncounterResponse;
  /** Teachers register and cancel; the NSS only reads (and has the link to share). */
  teacher: boolean;
  busy: boolean;
  onRegister: () => Promise<unknown>;
  onCancel: () => void;
}

function EncounterItem({ encounter, teacher, busy, onRegister, onCancel }: ItemProps) {
  const titleId = `encounter-${encounter.encounterId}`;
  const mine = encounter.myRegistration;
  const zone = zoneAt(encounter.startsAt, dateLocale);
  const link = encounter.joinUrl && isSafeLink(encounter.joinUrl) ? encounter.joinUrl : undefined;
  return (
    <li>
      <h3 id={titleId}>{encounter.title}</h3>
      <dl class="facts">
        <div>
          <dt>{t('encounters.when')}</dt>
          <dd>
            <AbsoluteDate value={encounter.startsAt} locale={dateLocale} />
            {zone ? ` (${zone})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('community.language')}</dt>
          <dd>{encounter.language}</dd>
        </div>
        <div>
          <dt>{t('encounters.organiser')}</dt>
          <dd>{encounter.organiser}</dd>
        </div>
      </dl>
      {encounter.description && <p class="encounter-description">{encounter.description}</p>}
      <p class="muted">{seatsText(encounter, t, language)}</p>
      {mine && (
        <p>
          {mine.status === 'seat' ? (
            <Badge variant="success">{t('encounters.haveSeat')}</Badge>
          ) : (
            <Badge variant="info">{fill('encounters.waitingPosition', { position: String(mine.position) })}</Badge>
          )}
        </p>
      )}
      {link ? (
        <p>
          <a class="button-link join-link" href={link} rel="noopener noreferrer">
            {fill('encounters.join', { title: encounter.title })}
          </a>
        </p>
      ) : (
        teacher && <p class="muted">{t('encounters.linkWithSeat')}</p>
      )}
      {teacher && (
        <div class="actions">
          {mine ? (
            <BusyButton class="secondary" busy={busy} busyLabel={t('common.busy')} aria-describedby={titleId} onClick={onCancel}>
              {t('encounters.cancel')}
            </BusyButton>
          ) : (
            <BusyButton busy={busy} busyLabel={t('common.busy')} aria-describedby={titleId} onClick={onRegister}>
              {t(encounter.seatsLeft > 0 ? 'encounters.register' : 'encounters.joinWaiting')}
            </BusyButton>
          )}
        </div>
      )}
    </li>
  );
}

/** The NSS organises an encounter: the date and time in its own zone (named), seats, language, the https join link. */
function Organise({ created }: { created: (title: string) => Promise<string> }) {
  const [values, setValues] = useState<EncounterValues>(emptyEncounter);
  const { problems, status, saving, form, showProblems, send } = useCheckedForm<EncounterField>('community.checkFields');
  const set = (name: EncounterField) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = encounterBody(values);
    if ('problems' in checked) return showProblems(worded(checked.problems));
    await send(async () => {
      const encounter = await apiPost<EncounterResponse>('/encounters', checked.body);
      setValues(emptyEncounter);
      return { tone: 'success', text: await created(encounter.title) };
    });
  };

  return (
    <section id="organise" class="card" aria-labelledby="organise-heading">
      <h2 id="organise-heading">{t('encounters.create')}</h2>
      <form id="encounter-form" noValidate ref={form} onSubmit={(event) => void submit(event)}>
        <FormField id="encounter-title" label={t('encounters.encounterTitle')} error={problems.title}>
          {(control) => <input {...control} name="title" type="text" maxLength={200} required value={values.title} onInput={set('title')} />}
        </FormField>
        <div class="inline-fields">
          <FormField
            id="encounter-starts"
            label={t('encounters.startsAt')}
            hint={`${t('encounters.startsAtHint')} ${fill('encounters.yourZone', { zone: zoneLabel(dateLocale) })}`}
            error={problems.startsAt}
          >
            {(control) => <input {...control} name="startsAt" type="datetime-local" required value={values.startsAt} onInput={set('startsAt')} />}
          </FormField>
          <FormField id="encounter-seats" label={t('encounters.seats')} error={problems.seats}>
            {(control) => <input {...control} name="seats" type="number" inputMode="numeric" min={1} max={1000} required value={values.seats} onInput={set('seats')} />}
          </FormField>
          <FormField id="encounter-language" label={t('community.language')} hint={t('community.languageHint')} error={problems.language}>
            {(control) => <input {...control} name="language" type="text" maxLength={2} autocapitalize="none" required value={values.language} onInput={set('language')} />}
          </FormField>
        </div>
        <FormField id="encounter-join" label={t('encounters.joinUrl')} hint={t('encounters.joinUrlHint')} error={problems.joinUrl}>
          {(control) => (
            <input
              {...control}
              name="joinUrl"
              type="url"
              inputMode="url"
              maxLength={2000}
              required
              autocapitalize="none"
              spellcheck={false}
              placeholder="https://"
              value={values.joinUrl}
              onInput={set('joinUrl')}
            />
          )}
        </FormField>
        <FormField id="encounter-description" label={t('encounters.description')} error={problems.description}>
          {(control) => <textarea {...control} name="description" rows={3} maxLength={4000} value={values.description} onInput={set('description')} />}
        </FormField>
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('encounters.createSubmit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
