/**
 * The registrations area's function (routes.ts): the NSS's side of a
 * teacher's sign-up, the waiting list and the decision (teacher-validation.ts).
 * Its role holds only the Cognito admin calls the decision sends (confirm,
 * verify the address, delete: routes.ts, teacherValidation); the
 * public sign-up itself is the sign-up area (functions/http/sign-up), which
 * holds none.
 */
import { areaHandler } from '../area.ts';
import { registrationsRoutes } from './routes.ts';
import { decideTeacherValidation, listPendingTeachers } from './teacher-validation.ts';

export const handler = areaHandler(registrationsRoutes, {
  listPendingTeachers,
  decideTeacherValidation,
});
