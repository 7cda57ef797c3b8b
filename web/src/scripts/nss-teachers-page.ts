/**
 * The NSS's teachers page: GET /nss/teachers?status=pending, page by page,
 * and for each teacher Validate, or Reject with a reason
 * (POST /nss/teachers/{userId}/validation).
 */
import type { PendingTeachersPage } from '../../../functions/http/registrations/schemas.ts';
import { showDecisionList } from './decision-list.ts';
import { whenKindAllows } from './kind-gate.ts';
import { fill, requireSession, t, textElement } from './page.ts';
import { when } from './dates.ts';


// Only NSS officers see the list (KindOnly): nobody else fires a request the API must refuse.
const showList = () => showDecisionList<PendingTeachersPage>({
  ids: { list: 'teachers-list', more: 'more-teachers', none: 'no-teachers', heading: 'teachers-heading', loading: 'teachers-loading' },
  path: '/nss/teachers',
  filter: { status: 'pending' },
  keyOf: (teacher) => teacher.userId,
  describe(teacher, item) {
    const name = textElement('h3', teacher.displayName);
    name.id = `teacher-${teacher.userId}`;
    item.append(
      name,
      textElement('p', `${t('nssTeachers.school')}: ${teacher.schoolName}, ${teacher.city}`),
      textElement('p', `${t('nssTeachers.email')}: ${teacher.email}`),
      textElement('p', `${t('nssTeachers.registered')}: ${when(teacher.registeredAt)}`, 'muted'),
    );
    return name;
  },
  decisionPath: (userId) => `/nss/teachers/${encodeURIComponent(userId)}/validation`,
  words: {
    approve: 'nssTeachers.validate',
    reject: 'nssTeachers.reject',
    reason: 'nssTeachers.reason',
    confirmReject: 'nssTeachers.confirmReject',
    cancel: 'nssTeachers.cancel',
    reasonMissing: 'nssTeachers.reasonMissing',
  },
  decided: (teacher, approved) => fill(approved ? 'nssTeachers.validated' : 'nssTeachers.rejected', { name: teacher.displayName }),
});

if (requireSession()) void whenKindAllows('nss-teachers').then((allowed) => allowed && showList());
