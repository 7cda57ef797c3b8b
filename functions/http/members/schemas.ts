/**
 * Request and response shapes of member management (API.md, "Projects and
 * members"): add an existing teacher or guest, create a pupil, change a
 * type, remove, reset a pupil's password.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { accountKinds, twinspaceTypes } from '../../domain/twinspace-types.ts';
import { ulidString } from '../schemas.ts';

/** A user id is the Cognito `sub` (a UUID). */
export const userIdString = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'Expected a user id.');

export const memberPathParams = z.object({ projectId: ulidString, userId: userIdString });

const displayName = visibleText({ max: 80, messages: { empty: 'A display name is needed.' } }).regex(/\p{L}/u, 'A display name needs at least one letter.');

export const addExistingMemberBody = z.strictObject({
  username: z.string().trim().min(1, 'A username is needed.').max(128),
  type: z.enum(twinspaceTypes),
});
export type AddExistingMemberBodyInput = z.input<typeof addExistingMemberBody>;

export const createPupilBody = z.strictObject({
  pupil: z.strictObject({ displayName }),
  type: z.enum(['pupil-admin', 'pupil-member']),
});
export type CreatePupilBodyInput = z.input<typeof createPupilBody>;

/** A request body that names a pupil to create (the other form names an existing account). */
const wantsPupil = (body: unknown): boolean => typeof body === 'object' && body !== null && 'pupil' in body;

/**
 * Either an existing account by username, or a new pupil account. Checked
 * against the form the body means (a `pupil` key: a new pupil), so a bad
 * request is answered field by field ('body.username', 'body.type', ...)
 * rather than as one "matches neither" of a plain union; the OpenAPI
 * document shows the union (a preprocess documents its target schema).
 */
export const addMemberBody = z.preprocess(
  (body, context) => {
    const checked = (wantsPupil(body) ? createPupilBody : addExistingMemberBody).safeParse(body);
    if (!checked.success) for (const issue of checked.error.issues) context.addIssue({ ...issue, input: undefined } as never);
    return body;
  },
  z.union([addExistingMemberBody, createPupilBody]),
);

export const changeMemberTypeBody = z.strictObject({ type: z.enum(twinspaceTypes) });
export type ChangeMemberTypeBodyInput = z.input<typeof changeMemberTypeBody>;

export const managedMember = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  type: z.enum(twinspaceTypes),
  kind: z.enum(accountKinds),
  country: z.string(),
});
export type ManagedMember = z.infer<typeof managedMember>;

/** 201: the new member; `oneTimePassword` only when a pupil's account was made (shown once, stored nowhere). */
export const addMemberResponse = z.object({ member: managedMember, oneTimePassword: z.string().optional() });
export type AddMemberResponse = z.infer<typeof addMemberResponse>;

export const changeMemberTypeResponse = z.object({ member: managedMember });
export type ChangeMemberTypeResponse = z.infer<typeof changeMemberTypeResponse>;

/** The pupil's username (to hand over with the password) and the new one-time password, shown only here. */
export const passwordResetResponse = z.object({ username: z.string(), oneTimePassword: z.string() });
export type PasswordResetResponse = z.infer<typeof passwordResetResponse>;
