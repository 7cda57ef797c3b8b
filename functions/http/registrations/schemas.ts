/**
 * The shapes of a teacher's sign-up and its validation by the NSS: request
 * bodies and queries (normalised here, by the domain's rules) and responses.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import {
  etwinningCountries,
  normaliseCountry,
  normaliseEmail,
  normaliseName,
  passwordProblemMessage,
  passwordProblems,
} from '../../domain/registration.ts';

const name = (max: number) => z.string().transform(normaliseName).pipe(visibleText({ max, messages: { empty: 'Required.' } }));

export const registrationBody = z
  .object({
    email: z.string().transform(normaliseEmail).pipe(z.email('Not an e-mail address.').max(254)),
    password: z.string().superRefine((password, context) => {
      const problems = passwordProblems(password);
      if (problems.length) context.addIssue({ code: 'custom', message: passwordProblemMessage(problems) });
    }),
    displayName: name(100),
    country: z
      .string()
      .transform(normaliseCountry)
      .pipe(z.enum(etwinningCountries, { error: 'Choose one of the eTwinning countries (a two-letter code such as ES).' })),
    schoolName: name(200),
    city: name(100),
  })
  .strict();
export type RegistrationBody = z.infer<typeof registrationBody>;
export type RegistrationBodyInput = z.input<typeof registrationBody>;

/**
 * 202: the same answer whether the address was new (the account now waits for
 * its NSS) or already had one (its owner gets an e-mail): the answer never
 * tells whether an address is registered.
 */
export const signUpReceived = z.object({ email: z.string(), status: z.literal('received') });
export type SignUpReceived = z.infer<typeof signUpReceived>;

export const pendingTeachersQuery = z.object({
  status: z.literal('pending').default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});

export const pendingTeacher = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  country: z.string(),
  schoolName: z.string(),
  city: z.string(),
  registeredAt: z.string(),
});
export const pendingTeachersPage = z.object({ items: z.array(pendingTeacher), nextCursor: z.string().nullable() });
export type PendingTeachersPage = z.infer<typeof pendingTeachersPage>;

export const teacherPathParams = z.object({ userId: z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'Not a user id.') });

export const validationBody = z
  .object({
    approve: z.boolean(),
    reason: visibleText({ max: 2000, multiline: true, allowEmpty: true }).optional(),
  })
  .strict()
  .superRefine((decision, context) => {
    if (!decision.approve && !decision.reason) {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'A rejection needs a reason the teacher can act on.' });
    }
  });
export type ValidationBodyInput = z.input<typeof validationBody>;

export const validationResponse = z.object({
  userId: z.string(),
  status: z.enum(['approved', 'rejected']),
  decidedAt: z.string(),
  reason: z.string().optional(),
  /** The school created for the validated teacher (they belong to it). */
  schoolId: z.string().optional(),
});
export type ValidationResponse = z.infer<typeof validationResponse>;
