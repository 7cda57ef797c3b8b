/** Dictionary keys of the domain's words (types, kinds, states), shared by pages that show them. */
import type { MessageKey } from './index.ts';

export const labelKeys = [
  'type.teacher-admin',
  'type.member-teacher',
  'type.pupil-admin',
  'type.pupil-member',
  'type.visitor',
  'kind.teacher',
  'kind.pupil',
  'kind.guest',
  'kind.nss',
  'kind.evaluator',
  'state.proposed',
  'state.pending-approval',
  'state.approved',
  'state.rejected',
  'state.closed',
] as const satisfies readonly MessageKey[];
