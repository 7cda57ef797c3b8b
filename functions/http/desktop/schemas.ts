/**
 * The desktop's request and response shapes (profile, schools, partner
 * search, desktop mail, notifications): handlers parse with them, the
 * OpenAPI document is generated from them.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { notificationMailChoices, notificationTopics } from '../../domain/notifications.ts';
import { accountKinds } from '../../domain/twinspace-types.ts';
import { distinct, normaliseCountry, normaliseLanguage, normaliseSubject } from '../../domain/desktop.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { ulidString } from '../schemas.ts';

const countryCode = z
  .string()
  .transform(normaliseCountry)
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'Expected a two-letter country code (ISO 3166-1), e.g. ES.'));
const languageCode = z
  .string()
  .transform(normaliseLanguage)
  .pipe(z.string().regex(/^[a-z]{2}$/, 'Expected a two-letter language code (ISO 639-1), e.g. en.'));
const subject = z.string().transform(normaliseSubject).pipe(visibleText({ max: 60, messages: { empty: 'A subject cannot be empty.' } }));
/** Pupils' ages: school age, 3 to 19. */
const age = z.number().int().min(3).max(19);
const ageRange = z
  .object({ min: age, max: age })
  .strict()
  .refine((ages) => ages.min <= ages.max, { message: 'min must not be above max.', path: ['max'] });
/** A name, a city, a mail's subject: one line. */
const name = (max: number) => visibleText({ max });
/** About me, about the school: many lines, may be empty. */
const about = visibleText({ max: 2000, multiline: true, allowEmpty: true });
const version = z.number().int().min(1);

// ---- profile

export const profileUpdateBody = z
  .object({
    displayName: name(80).optional(),
    openToPartnership: z.boolean().optional(),
    subjects: z.array(subject).max(20).transform(distinct).optional(),
    languages: z.array(languageCode).max(20).transform(distinct).optional(),
    ages: ageRange.optional(),
    about: about.optional(),
    /** E-mail of notifications: each one, a daily digest, or none (not for pupils: they never get e-mail). */
    notificationMail: z.enum(notificationMailChoices).optional(),
    version,
  })
  .strict();
export type ProfileUpdateBodyInput = z.input<typeof profileUpdateBody>;

export const profileResponse = z.object({
  userId: z.string(),
  username: z.string(),
  kind: z.enum(accountKinds),
  country: z.string(),
  displayName: z.string(),
  school: z.string().optional(),
  schoolId: z.string().optional(),
  email: z.string().optional(),
  openToPartnership: z.boolean().optional(),
  subjects: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  ages: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  about: z.string().optional(),
  /** E-mail of notifications ("daily" when never chosen); absent for pupils. */
  notificationMail: z.enum(notificationMailChoices).optional(),
  version: z.number().int(),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

// ---- schools

export const schoolPathParams = z.object({ schoolId: ulidString });

export const schoolCreateBody = z
  .object({ name: name(120), country: countryCode, city: name(80), about: about.optional() })
  .strict();
export type SchoolCreateBodyInput = z.input<typeof schoolCreateBody>;

/** A school's country is fixed (its teachers' NSS follows it); name, city and about change. */
export const schoolUpdateBody = z
  .object({ name: name(120).optional(), city: name(80).optional(), about: about.optional(), version })
  .strict();
export type SchoolUpdateBodyInput = z.input<typeof schoolUpdateBody>;

export const schoolResponse = z.object({
  schoolId: z.string(),
  name: z.string(),
  country: z.string(),
  city: z.string(),
  about: z.string().optional(),
  createdAt: z.string(),
  version: z.number().int(),
  /** POST only: whether the creator joined it (a teacher with no school yet does). */
  joined: z.boolean().optional(),
});
export type SchoolResponse = z.infer<typeof schoolResponse>;

// ---- partner search

export const partnerQuery = pageQuery.extend({
  country: countryCode.optional(),
  subject: subject.optional(),
  language: languageCode.optional(),
  age: z.coerce.number().pipe(age).optional(),
});

/** No username or e-mail: teachers' usernames are their e-mail addresses; they write through desktop mail (toUserId). */
export const partnerResult = z.object({
  userId: z.string(),
  displayName: z.string(),
  country: z.string(),
  school: z.string().optional(),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  ages: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  about: z.string().optional(),
});
export const partnersPage = z.object({ items: z.array(partnerResult), nextCursor: z.string().nullable() });
export type PartnersPage = z.infer<typeof partnersPage>;

// ---- desktop mail

export const mailSendBody = z
  .object({
    /** The recipient: a teacher's username, or the userId partner search gives. Exactly one. */
    toUsername: z.string().trim().min(1).max(128).optional(),
    toUserId: z.string().trim().min(1).max(128).optional(),
    subject: name(200),
    body: visibleText({ max: 10_000, multiline: true }),
  })
  .strict()
  .refine((mail) => (mail.toUsername === undefined) !== (mail.toUserId === undefined), {
    message: 'Give the recipient as toUsername or toUserId (exactly one).',
    path: ['toUsername'],
  });
export type MailSendBodyInput = z.input<typeof mailSendBody>;

export const mailQuery = pageQuery.extend({ folder: z.enum(['inbox', 'sent']).default('inbox') });
export const mailPathParams = z.object({ mailId: ulidString });

const mailParty = z.object({ userId: z.string(), displayName: z.string(), country: z.string() });
export const mailSummary = z.object({
  mailId: z.string(),
  folder: z.enum(['inbox', 'sent']),
  from: mailParty,
  to: mailParty,
  subject: z.string(),
  sentAt: z.string(),
  /** Inbox: whether I opened it; sent: always true. */
  read: z.boolean(),
});
export const mailResponse = mailSummary.extend({ body: z.string() });
export type MailResponse = z.infer<typeof mailResponse>;
export const mailPage = z.object({ items: z.array(mailSummary), nextCursor: z.string().nullable(), unread: z.number().int() });
export type MailPage = z.infer<typeof mailPage>;

// ---- notifications

/**
 * One notification. The site renders its own sentence per `topic` from
 * `params` (the names it needs); `title` and `body` are the English fallback.
 * The same shape is pushed live as `{"type":"notification","notification":…}`.
 */
export const notificationResponse = z.object({
  notificationId: z.string(),
  topic: z.enum(notificationTopics),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  /** The project it is about (link), when it is about one. */
  projectId: z.string().optional(),
  /** The thing it is about: a page, a mailbox message, a desktop mail, a diary entry, a label, an encounter, a chat message. */
  subjectId: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  read: z.boolean(),
});
export type NotificationResponse = z.infer<typeof notificationResponse>;
export const notificationsPage = z.object({
  items: z.array(notificationResponse),
  nextCursor: z.string().nullable(),
  /** How many of all my notifications are unread (not only this page's). */
  unread: z.number().int(),
});
export type NotificationsPage = z.infer<typeof notificationsPage>;
export const notificationPathParams = z.object({ notificationId: ulidString });
export const unreadResponse = z.object({ unread: z.number().int() });
export type UnreadResponse = z.infer<typeof unreadResponse>;
