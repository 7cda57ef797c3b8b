/**
 * Erasing a person (issue 11): the request names the mode, the answer counts what became of their items; the NSS
 * finds the person of their country by username first.
 */
import * as z from 'zod';
import { erasureModes } from '../../domain/erasure.ts';
import { accountKinds } from '../../domain/twinspace-types.ts';
import { userIdString } from '../members/schemas.ts';

export const personPathParams = z.object({ userId: userIdString });

export const erasureBody = z.strictObject({
  /** 'delete': every item they wrote goes; 'keep': their items stay, attributed to "Former pupil" / "Former teacher". */
  mode: z.enum(erasureModes, "Choose 'delete' or 'keep'."),
});
export type ErasureBodyInput = z.input<typeof erasureBody>;

export const erasureResponse = z.strictObject({
  userId: z.string(),
  kind: z.enum(['pupil', 'teacher']),
  mode: z.enum(erasureModes),
  /** Items of the author index deleted, and kept under the marker (this call's; a second call counts what was left). */
  deleted: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
});
export type ErasureResponse = z.infer<typeof erasureResponse>;

/** GET /nss/people?username=: the NSS names one account of their country, as a teacher adds a member (a username). */
export const nssPersonQuery = z.strictObject({
  username: z.string().trim().min(1, 'A username is needed.').max(128),
});

/** The account, so the NSS sees whom they are about to erase (pupils and teachers only are erased: the kind says which). */
export const nssPersonResponse = z.strictObject({
  userId: z.string(),
  username: z.string(),
  kind: z.enum(accountKinds),
  displayName: z.string(),
  country: z.string(),
});
export type NssPersonResponse = z.infer<typeof nssPersonResponse>;
