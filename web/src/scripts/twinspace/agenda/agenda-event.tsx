/**
 * One event of the agenda: title, when (the kit's AbsoluteDate, a span in the
 * reader's zone), where, the link (linked only when https), the description
 * (text, line breaks kept), who added it, a mark when it is in the public
 * calendar feed (words, not only colour); Edit and Delete for those who may.
 */
import type { AgendaEventResponse } from '../../../../../functions/http/agenda/schemas.ts';
import { AbsoluteDate, Badge, BusyButton } from '../../../components/kit/index.ts';
import { isHttps } from './agenda-page.ts';
import { readerLocale } from '../agenda-mailbox.ts';
import { fill, t } from '../../common/page.ts';

interface Props {
  event: AgendaEventResponse;
  /** Edit and Delete, for those who may edit the agenda; absent otherwise. */
  actions?: { onEdit: () => void; onDelete: () => void; deleting: boolean };
}

export function EventItem({ event, actions }: Props) {
  const titleId = `event-${event.eventId}`;
  return (
    <li>
      <h3 id={titleId}>{event.title}</h3>
      {event.public && (
        <p class="event-public">
          <Badge variant="info">{t('agenda.publicMark')}</Badge>
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t('agenda.when')}</dt>
          <dd>
            <AbsoluteDate value={event.startsAt} end={event.endsAt} locale={readerLocale} />
          </dd>
        </div>
        {event.location && (
          <div>
            <dt>{t('agenda.where')}</dt>
            <dd>{event.location}</dd>
          </div>
        )}
        {event.link && (
          <div>
            <dt>{t('agenda.link')}</dt>
            <dd>
              {isHttps(event.link) ? (
                <a href={event.link} rel="noopener">
                  {event.link}
                </a>
              ) : (
                fill('agenda.unsafeLink', { link: event.link })
              )}
            </dd>
          </div>
        )}
      </dl>
      {event.description && <p class="event-description">{event.description}</p>}
      <p class="muted">{fill('agenda.addedBy', { name: event.createdBy.displayName })}</p>
      {actions && (
        <div class="actions">
          <button type="button" class="secondary" aria-describedby={titleId} onClick={actions.onEdit}>
            {t('agenda.edit')}
          </button>
          <BusyButton class="danger" aria-describedby={titleId} busy={actions.deleting} busyLabel={t('common.busy')} onClick={actions.onDelete}>
            {t('agenda.delete')}
          </BusyButton>
        </div>
      )}
    </li>
  );
}
