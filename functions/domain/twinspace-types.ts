/**
 * Kinds of account and the five TwinSpace user types (DOMAIN.md, "People").
 * Pure data and rules, no I/O.
 */
export const accountKinds = ['teacher', 'pupil', 'guest', 'nss', 'evaluator'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const twinspaceTypes = ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const;
export type TwinspaceType = (typeof twinspaceTypes)[number];

/** Which kinds of account may hold each TwinSpace type. */
export const allowedKinds: Record<TwinspaceType, readonly AccountKind[]> = {
  'teacher-admin': ['teacher'],
  'member-teacher': ['teacher'],
  'pupil-admin': ['pupil'],
  'pupil-member': ['pupil'],
  visitor: ['teacher', 'guest'],
};

export function mayHoldType(kind: AccountKind, type: TwinspaceType): boolean {
  return allowedKinds[type].includes(kind);
}

/** The seven Cognito groups: the five types plus the two platform roles. */
export const cognitoGroups = [...twinspaceTypes, 'nss', 'evaluator'] as const;
export type CognitoGroup = (typeof cognitoGroups)[number];
