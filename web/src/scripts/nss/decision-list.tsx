/**
 * The NSS's lists of what waits for its decision (projects to approve,
 * teachers to validate), built from the kit: read page by page ("Show more",
 * the kit's Pager), and for each entry Approve, or Reject with a reason asked
 * for first in a small form that opens in place (a rejection that cannot be
 * undone is asked once more in a ConfirmDialog). The list shows only once
 * GET /me says the caller is of the page's kind (KindOnly + kind-gate.ts), so
 * nobody else fires a request the API must refuse. Outcomes are said next to
 * what caused them: a decision taken under the list's heading (the entry is
 * gone), a refused one under the entry's own buttons.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { ConfirmDialog } from '../../components/kit/ConfirmDialog.tsx';
import { EmptyState } from '../../components/kit/EmptyState.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { Pager } from '../../components/kit/Pager.tsx';
import type { CursorPage } from '../../components/kit/paging.ts';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../components/kit/usePagedList.ts';
import { apiGet, apiPost } from '../common/api.ts';
import { problemsByField } from '../common/form-problems.ts';
import { whenKindAllows } from '../common/kind-gate.ts';
import { decisionBody } from './nss-page.ts';
import { requireSession, t } from '../common/page.ts';
import { failed } from '../common/problems.ts';

/** The list's words, already translated. */
export interface DecisionWords {
  heading: string;
  none: string;
  more: string;
  approve: string;
  reject: string;
  reason: string;
  confirmReject: string;
  cancel: string;
  reasonMissing: string;
}

interface Props<Entry> {
  /** The KindOnly content the list lives in (its name): the list loads once the caller's kind may use the page. */
  gate: string;
  /** The ids of the list's heading and of its loading line. */
  ids: { heading: string; loading: string };
  /** The GET that lists what waits, and its filter. */
  path: string;
  filter: Record<string, string>;
  keyOf: (entry: Entry) => string;
  /** The entry's heading (what the NSS decides on), and what else it shows. */
  titleOf: (entry: Entry) => string;
  details: (entry: Entry) => ComponentChildren;
  /** The POST that takes the decision. */
  decisionPath: (key: string) => string;
  words: DecisionWords;
  /** What is said once the decision is taken. */
  decided: (entry: Entry, approved: boolean) => string;
  /** For a rejection that cannot be undone: the question asked in a ConfirmDialog before it is sent. */
  rejectionQuestion?: (entry: Entry) => string;
}

export function DecisionList<Entry>(props: Props<Entry>) {
  const { ids, words } = props;
  const [loading, setLoading] = useState(true);
  const [listStatus, setListStatus] = useState<Status>();
  /** The entries decided on here: gone from the list. */
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const list = usePagedList<Entry>((cursor) => {
    const query = new URLSearchParams({ ...props.filter, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<CursorPage<Entry>>(`${props.path}?${query}`);
  });

  useEffect(() => {
    if (!requireSession()) return;
    void whenKindAllows(props.gate).then(async (allowed) => {
      try {
        if (allowed) await list.reload();
      } catch (error) {
        failed(error, setListStatus);
      } finally {
        setLoading(false);
      }
    });
  }, []);

  const shown = list.items.filter((entry) => !decided.has(props.keyOf(entry)));
  const onDecided = (entry: Entry, approved: boolean) => {
    setDecided((before) => new Set(before).add(props.keyOf(entry)));
    setListStatus({ tone: 'success', text: props.decided(entry, approved) });
    heading.current?.focus();
  };

  return (
    <>
      {loading && (
        <p id={ids.loading} class="muted">
          {t('common.loading')}
        </p>
      )}
      <section class="card" aria-labelledby={ids.heading}>
        <h2 id={ids.heading} tabindex={-1} ref={heading}>
          {words.heading}
        </h2>
        <StatusMessage status={listStatus} />
        {shown.length > 0 && (
          <ul class="plain decision-list">
            {shown.map((entry) => (
              <DecisionItem key={props.keyOf(entry)} entry={entry} list={props} onDecided={onDecided} />
            ))}
          </ul>
        )}
        {list.loaded && shown.length === 0 && <EmptyState>{words.none}</EmptyState>}
        {list.loaded && <Pager done={list.done} label={words.more} busyLabel={t('common.busy')} onMore={() => list.more().catch((error: unknown) => failed(error, setListStatus))} />}
      </section>
    </>
  );
}

function DecisionItem<Entry>({ entry, list, onDecided }: { entry: Entry; list: Props<Entry>; onDecided: (entry: Entry, approved: boolean) => void }) {
  const { words } = list;
  const key = list.keyOf(entry);
  const titleId = `entry-${key}`;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const reasonId = `reason-${key}`;

  // Once the form opens (or closes), focus goes where the next step is.
  const openForm = (open: boolean) => {
    setRejecting(open);
    setProblem(undefined);
    setStatus(undefined);
    requestAnimationFrame(() => (open ? reasonField.current : rejectButton.current)?.focus());
  };

  const showProblem = (text: string) => {
    setProblem(text);
    requestAnimationFrame(() => reasonField.current?.focus());
  };

  const decide = async (approve: boolean) => {
    const checked = decisionBody(approve, reason);
    if ('problem' in checked) return showProblem(words.reasonMissing);
    setStatus(undefined);
    setBusy(true);
    try {
      await apiPost(list.decisionPath(key), checked.body);
    } catch (error) {
      setBusy(false);
      const reasonProblem = problemsByField(error)?.reason;
      if (!approve && reasonProblem) showProblem(reasonProblem);
      else failed(error, setStatus);
      return;
    }
    onDecided(entry, approve);
  };

  const submitReason = (event: Event) => {
    event.preventDefault();
    const checked = decisionBody(false, reason);
    if ('problem' in checked) return showProblem(words.reasonMissing);
    setProblem(undefined);
    if (list.rejectionQuestion) setAsking(true);
    else void decide(false);
  };

  return (
    <li>
      <h3 id={titleId}>{list.titleOf(entry)}</h3>
      {list.details(entry)}
      {rejecting ? (
        <form noValidate onSubmit={submitReason}>
          <FormField id={reasonId} label={words.reason} error={problem}>
            {(control) => (
              <textarea
                {...control}
                ref={reasonField}
                required
                maxLength={2000}
                value={reason}
                onInput={(event) => setReason(event.currentTarget.value)}
              />
            )}
          </FormField>
          <div class="actions">
            <BusyButton type="submit" class="danger" aria-describedby={titleId} busy={busy} busyLabel={t('common.busy')}>
              {words.confirmReject}
            </BusyButton>
            <button type="button" class="secondary" disabled={busy} onClick={() => openForm(false)}>
              {words.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <BusyButton aria-describedby={titleId} busyLabel={t('common.busy')} onClick={() => decide(true)}>
            {words.approve}
          </BusyButton>
          <button type="button" class="danger" aria-describedby={titleId} ref={rejectButton} disabled={busy} onClick={() => openForm(true)}>
            {words.reject}
          </button>
        </div>
      )}
      <StatusMessage status={status} />
      {list.rejectionQuestion && rejecting && (
        <ConfirmDialog
          open={asking}
          question={list.rejectionQuestion(entry)}
          confirmLabel={words.confirmReject}
          cancelLabel={words.cancel}
          onConfirm={() => {
            setAsking(false);
            void decide(false);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </li>
  );
}
