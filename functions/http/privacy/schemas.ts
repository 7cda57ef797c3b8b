/**
 * Erasing a person (issue 11): the request names the mode, the answer counts what became of their items.
 */
import * as z from 'zod';
import { erasureModes } from '../../domain/erasure.ts';
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
