/**
 * Chat supervision on the Chat tab (issue 9), two kit-built components the
 * chat island mounts:
 *
 * - `MessageActions`, under one message: Delete (a teacher any message, the
 *   author their own; after the kit's ConfirmDialog; the island removes the
 *   message when the room's `messageDeleted` frame arrives), Report (any
 *   member who chats, not their own message), Mute the author for 10 minutes,
 *   an hour or the rest of the reader's day (teachers, pupil authors only).
 * - `ChatControls`, above the messages: close / reopen the pupils' chat
 *   (teacher administrators) and the muted pupils with Unmute (teachers),
 *   read from GET …/chat/state.
 *
 * Every outcome is said in the component's own StatusMessage, next to the
 * control that caused it. What each type sees is decided in
 * chat-supervision-page.ts (pure, unit-tested); the server decides again.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChatMessageBody } from '../../../../../events/chat-frames.ts';
import type { MuteDuration } from '../../../../../functions/domain/chat-supervision.ts';
import type { ChatStateResponse, MuteResponse, PupilsChatBodyInput, PupilsChatResponse, ReportBodyInput, ReportResponse } from '../../../../../functions/http/chat/schemas.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import { BusyButton, ConfirmDialog, formatAbsolute, FormField, StatusMessage, type Status } from '../../../components/kit/index.ts';
import { ApiError, apiDelete, apiGet, apiPost, apiPut } from '../../common/api.ts';
import { dateLocale } from '../../common/dates.ts';
import { fill, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { anyAction, chatControlsFor, messageActionsFor, muteBody, muteChoices, mutedEvent, pupilsChatToggle } from './chat-supervision-page.ts';

const chatPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/chat`;
const until = (iso: string) => formatAbsolute(iso, dateLocale);
/** The reader's IANA time zone: "the rest of the day" is their day. */
const readerTimeZone = (): string | undefined => Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;

export function MessageActions(props: { message: ChatMessageBody; projectId: string; me: string; myType: TwinspaceType; writable: boolean }) {
  const { message, projectId, me, myType, writable } = props;
  const allowed = messageActionsFor(message, me, myType, writable);
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [duration, setDuration] = useState<MuteDuration>('10m');
  if (!anyAction(allowed)) return null;

  const name = message.authorName;
  const messagePath = `${chatPath(projectId)}/messages/${encodeURIComponent(message.id)}`;

  const remove = async () => {
    setConfirming(false);
    setStatus(undefined);
    setDeleting(true);
    try {
      await apiDelete(messagePath);
      // The island removes the message when the room's messageDeleted frame arrives (this component goes with it).
      setStatus({ tone: 'success', text: t('chatSupervision.deleted') });
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setDeleting(false);
    }
  };

  const report = async () => {
    setStatus(undefined);
    try {
      // 201 the first time, 200 when this member reported it before: either way the teacher administrators know.
      await apiPost<ReportResponse>(`${messagePath}/reports`, {} satisfies ReportBodyInput);
      setStatus({ tone: 'success', text: t('chatSupervision.reported') });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const mute = async () => {
    setStatus(undefined);
    try {
      const muted = await apiPut<MuteResponse>(`${chatPath(projectId)}/mutes/${encodeURIComponent(message.authorId)}`, muteBody(duration, readerTimeZone()));
      setStatus({ tone: 'success', text: fill('chatSupervision.muted', { name, until: until(muted.until) }) });
      window.dispatchEvent(new CustomEvent(mutedEvent, { detail: muted }));
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const muteId = `chat-mute-${message.id}`;
  return (
    <div class="chat-message-actions" role="group" aria-label={t('chatSupervision.actions')}>
      <div class="actions">
        {allowed.delete && (
          <BusyButton
            class="secondary"
            busy={deleting}
            busyLabel={t('common.busy')}
            aria-label={fill('chatSupervision.deleteOf', { name })}
            onClick={() => setConfirming(true)}
          >
            {t('chatSupervision.delete')}
          </BusyButton>
        )}
        {allowed.report && (
          <BusyButton class="secondary" busyLabel={t('common.busy')} aria-label={fill('chatSupervision.reportOf', { name })} onClick={report}>
            {t('chatSupervision.report')}
          </BusyButton>
        )}
      </div>
      {allowed.mute && (
        <details class="chat-mute">
          <summary>{fill('chatSupervision.muteOf', { name })}</summary>
          <FormField id={muteId} label={t('chatSupervision.muteFor')}>
            {(control) => (
              <select {...control} value={duration} onChange={(event) => setDuration(event.currentTarget.value as MuteDuration)}>
                {muteChoices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {t(choice.label)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <BusyButton busyLabel={t('common.busy')} aria-label={fill('chatSupervision.muteOf', { name })} onClick={mute}>
            {t('chatSupervision.mute')}
          </BusyButton>
        </details>
      )}
      <StatusMessage status={status} />
      {allowed.delete && (
        <ConfirmDialog
          open={confirming}
          question={fill('chatSupervision.deleteQuestion', { name })}
          confirmLabel={t('chatSupervision.delete')}
          cancelLabel={t('chatSupervision.cancel')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

export function ChatControls(props: { projectId: string; myType: TwinspaceType; writable: boolean; pupilsOpen: boolean }) {
  const { projectId, myType, writable } = props;
  const allowed = chatControlsFor(myType, writable);
  const [pupilsOpen, setPupilsOpen] = useState(props.pupilsOpen);
  const [mutes, setMutes] = useState<ChatStateResponse['mutes']>();
  const [status, setStatus] = useState<Status>();
  const [mutesStatus, setMutesStatus] = useState<Status>();

  // The island passes the room's state on (its chatState frames): follow it.
  useEffect(() => setPupilsOpen(props.pupilsOpen), [props.pupilsOpen]);

  useEffect(() => {
    if (!allowed.mutes) return;
    const load = () =>
      apiGet<ChatStateResponse>(`${chatPath(projectId)}/state`).then(
        (state) => setMutes(state.mutes),
        (error: unknown) => failed(error, setMutesStatus),
      );
    void load();
    // A mute made from a message in this tab: read the list again.
    window.addEventListener(mutedEvent, load);
    return () => window.removeEventListener(mutedEvent, load);
  }, [projectId, allowed.mutes]);

  if (!allowed.pupilsChat && !allowed.mutes) return null;
  const toggle = pupilsChatToggle(pupilsOpen);

  const switchPupils = async () => {
    setStatus(undefined);
    try {
      const answer = await apiPut<PupilsChatResponse>(`${chatPath(projectId)}/pupils`, { open: toggle.open } satisfies PupilsChatBodyInput);
      setPupilsOpen(answer.pupilsOpen);
      setStatus({ tone: 'success', text: t(toggle.done) });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const unmute = async (mute: ChatStateResponse['mutes'][number]) => {
    setMutesStatus(undefined);
    const name = mute.name ?? t('chatSupervision.someone');
    try {
      await apiDelete(`${chatPath(projectId)}/mutes/${encodeURIComponent(mute.userId)}`);
      setMutes((shown) => shown?.filter((other) => other.userId !== mute.userId));
      setMutesStatus({ tone: 'success', text: fill('chatSupervision.unmuted', { name }) });
    } catch (error) {
      // Gone already (lifted elsewhere, or no longer a member): the list follows the table.
      if (error instanceof ApiError && error.status === 404) setMutes((shown) => shown?.filter((other) => other.userId !== mute.userId));
      failed(error, setMutesStatus);
    }
  };

  return (
    <section class="chat-controls" aria-labelledby="chat-controls-heading">
      <h3 id="chat-controls-heading">{t('chatSupervision.controls')}</h3>
      <p class="muted">{t(toggle.state)}</p>
      {allowed.pupilsChat && (
        <div class="actions">
          <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={switchPupils}>
            {t(toggle.label)}
          </BusyButton>
        </div>
      )}
      <StatusMessage status={status} />
      {allowed.mutes && (
        <>
          <h4>{t('chatSupervision.mutedPupils')}</h4>
          {mutes && mutes.length === 0 && <p class="muted">{t('chatSupervision.noMutes')}</p>}
          {mutes && mutes.length > 0 && (
            <ul class="plain chat-mutes">
              {mutes.map((mute) => {
                const name = mute.name ?? t('chatSupervision.someone');
                return (
                  <li key={mute.userId}>
                    <span>{fill('chatSupervision.mutedUntil', { name, until: until(mute.until) })}</span>{' '}
                    <BusyButton class="secondary" busyLabel={t('common.busy')} aria-label={fill('chatSupervision.unmuteOf', { name })} onClick={() => unmute(mute)}>
                      {t('chatSupervision.unmute')}
                    </BusyButton>
                  </li>
                );
              })}
            </ul>
          )}
          <StatusMessage status={mutesStatus} />
        </>
      )}
    </section>
  );
}
