/**
 * The NSS teachers page's island: the teachers of my country waiting for
 * validation (GET /nss/teachers?status=pending, page by page), each
 * validated, or rejected with a reason (POST /nss/teachers/{userId}/validation).
 * A rejection deletes the account: it is asked once more in a ConfirmDialog.
 */
import type { PendingTeachersPage } from '../../../../functions/http/registrations/schemas.ts';
import { AbsoluteDate } from '../../components/kit/Dates.tsx';
import { DecisionList } from './decision-list.tsx';
import { dateLocale } from '../common/dates.ts';
import { fill, t } from '../common/page.ts';

type Teacher = PendingTeachersPage['items'][number];

export default function NssTeachersPage() {
  return (
    <DecisionList<Teacher>
      gate="nss-teachers"
      ids={{ heading: 'teachers-heading', loading: 'teachers-loading' }}
      path="/nss/teachers"
      filter={{ status: 'pending' }}
      keyOf={(teacher) => teacher.userId}
      titleOf={(teacher) => teacher.displayName}
      details={(teacher) => (
        <>
          <p>{`${t('nssTeachers.school')}: ${teacher.schoolName}, ${teacher.city}`}</p>
          <p>{`${t('nssTeachers.email')}: ${teacher.email}`}</p>
          <p class="muted">
            {`${t('nssTeachers.registered')}: `}
            <AbsoluteDate value={teacher.registeredAt} locale={dateLocale} />
          </p>
        </>
      )}
      decisionPath={(userId) => `/nss/teachers/${encodeURIComponent(userId)}/validation`}
      words={{
        heading: t('nssTeachers.title'),
        none: t('nssTeachers.none'),
        more: t('nssTeachers.more'),
        approve: t('nssTeachers.validate'),
        reject: t('nssTeachers.reject'),
        reason: t('nssTeachers.reason'),
        confirmReject: t('nssTeachers.confirmReject'),
        cancel: t('nssTeachers.cancel'),
        reasonMissing: t('nssTeachers.reasonMissing'),
      }}
      decided={(teacher, approved) => fill(approved ? 'nssTeachers.validated' : 'nssTeachers.rejected', { name: teacher.displayName })}
      rejectionQuestion={(teacher) => fill('nssTeachers.confirmQuestion', { name: teacher.displayName })}
    />
  );
}
