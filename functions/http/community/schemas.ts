/**
 * Request and response shapes of the desktop's community: themed groups,
 * online pedagogical encounters and the resource library. Handlers parse with
 * them; the OpenAPI document is generated from them.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { normaliseLanguage } from '../../domain/desktop.ts';
import { groupAccesses } from '../../domain/groups.ts';
import { isSafeLink } from '../../domain/resources.ts';
import { pageQuery } from '../../lib/cursor.ts';
// From the domain, not the data module: schemas stay free of the AWS SDK (the OpenAPI function bundles every schema).
import { maxTags } from '../../domain/resources.ts';
import { ulidString } from '../schemas.ts';

/** A name or title: one line. */
const text = (max: number) => visibleText({ max });
/** A description: many lines, may be empty. */
const description = (max: number) => visibleText({ max, multiline: true, allowEmpty: true }).default('');
const languageCode = z
  .string()
  .transform(normaliseLanguage)
  .pipe(z.string().regex(/^[a-z]{2}$/, 'Expected a two-letter language code (ISO 639-1), e.g. en.'));
/** A user id (a Cognito sub): no key separators. */
const userId = z.string().regex(/^[A-Za-z0-9-]{1,128}$/, 'Expected a user id.');

/** Tags compare case-insensitively; spaces become hyphens ("Climate change" = "climate-change"). */
export const normaliseTag = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, '-');
const tag = z
  .string()
  .transform(normaliseTag)
  .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u, 'A tag is 1 to 40 letters, digits or hyphens.'));

const page = <T extends z.ZodType>(entry: T) => z.object({ items: z.array(entry), nextCursor: z.string().nullable() });

// ---- groups

export const groupsQuery = pageQuery;
export const groupPathParams = z.object({ groupId: ulidString });
export const groupMemberPathParams = z.object({ groupId: ulidString, userId });

export const groupCreateBody = z
  .object({
    name: text(120),
    theme: text(300),
    access: z.enum(groupAccesses),
    /** No limit when absent. */
    maxMembers: z.number().int().min(2).max(10_000).optional(),
  })
  .strict();
export type GroupCreateBodyInput = z.input<typeof groupCreateBody>;

/** Empty: add me (an open group). `username`: the owner adds that teacher. */
export const groupMemberAddBody = z.object({ username: z.string().trim().min(1).max(128).optional() }).strict();
export type GroupMemberAddBodyInput = z.input<typeof groupMemberAddBody>;

export const groupResponse = z.object({
  groupId: z.string(),
  name: z.string(),
  theme: z.string(),
  access: z.enum(groupAccesses),
  owner: z.object({ userId: z.string(), displayName: z.string() }),
  memberCount: z.number().int(),
  maxMembers: z.number().int().optional(),
  createdAt: z.string(),
  isMember: z.boolean(),
  isOwner: z.boolean(),
});
export type GroupResponse = z.infer<typeof groupResponse>;
export const groupsPage = page(groupResponse);
export type GroupsPage = z.infer<typeof groupsPage>;

export const groupMemberResponse = z.object({ groupId: z.string(), userId: z.string(), displayName: z.string(), country: z.string(), joinedAt: z.string() });
export type GroupMemberResponse = z.infer<typeof groupMemberResponse>;
export const groupMembersPage = page(groupMemberResponse);
export type GroupMembersPage = z.infer<typeof groupMembersPage>;

// ---- encounters

export const encountersQuery = pageQuery;
export const encounterPathParams = z.object({ encounterId: ulidString });
export const registrationPathParams = z.object({ encounterId: ulidString, userId });

export const encounterCreateBody = z
  .object({
    title: text(200),
    /** An ISO 8601 date-time with its offset, e.g. 2027-03-04T16:00:00Z; stored in UTC. */
    startsAt: z.iso
      .datetime({ offset: true, message: 'Expected a date and time, e.g. 2027-03-04T16:00:00Z.' })
      .transform((value) => new Date(value).toISOString())
      .refine((value) => Date.parse(value) > Date.now(), 'An encounter must start in the future.'),
    seats: z.number().int().min(1).max(1000),
    language: languageCode,
    description: description(4000),
    /** Where the encounter takes place online: an https link (a video meeting), given to those with a seat. */
    joinUrl: z
      .url({ message: 'Expected a link, e.g. https://example.org/meeting.' })
      .max(2000)
      .refine(isSafeLink, 'Only https:// links are accepted.'),
  })
  .strict();
export type EncounterCreateBodyInput = z.input<typeof encounterCreateBody>;

export const myRegistration = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('seat') }),
    z.object({ status: z.literal('waiting'), position: z.number().int().min(1) }),
  ])
  .nullable();

export const encounterResponse = z.object({
  encounterId: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.string(),
  /** UTC (ISO 8601, ending in Z): the site shows it in the reader's own time zone, with the zone's name. */
  startsAt: z.string(),
  /**
   * The https link to join, for a teacher with a seat and for the NSS; null for everyone else (and for an
   * encounter that has none).
   */
  joinUrl: z.string().nullable(),
  seats: z.number().int(),
  seatsLeft: z.number().int(),
  waitingCount: z.number().int(),
  organiser: z.string(),
  /** Mine: a seat, my place on the waiting list, or null. Always null for the NSS. */
  myRegistration,
});
export type EncounterResponse = z.infer<typeof encounterResponse>;
export const encountersPage = page(encounterResponse);
export type EncountersPage = z.infer<typeof encountersPage>;

export const encounterRegistrationResponse = z.object({
  encounterId: z.string(),
  userId: z.string(),
  status: z.enum(['seat', 'waiting']),
  /** On the waiting list: my place, 1 = next in line. */
  position: z.number().int().min(1).optional(),
  seatsLeft: z.number().int(),
});
export type EncounterRegistrationResponse = z.infer<typeof encounterRegistrationResponse>;

// ---- resources

export const resourcesQuery = pageQuery.extend({
  tag: tag.optional(),
  language: languageCode.optional(),
  /**
   * Words to find in the title, the tags or the description, in any language the library holds: case and accents
   * do not matter ("rio" finds "río"); a resource must have every word (whole words; "a", "the", "de"… are skipped).
   */
  q: z.string().trim().min(1, 'Cannot be empty.').max(200).optional(),
});

export const resourceCreateBody = z
  .object({
    title: text(200),
    url: z
      .url({ message: 'Expected a link, e.g. https://example.org/guide.' })
      .max(2000)
      .refine(isSafeLink, 'Only https:// links are accepted.'),
    description: description(2000),
    tags: z
      .array(tag)
      .min(1, 'Give at least one tag.')
      .max(maxTags)
      .transform((tags) => [...new Set(tags)]),
    language: languageCode,
  })
  .strict();
export type ResourceCreateBodyInput = z.input<typeof resourceCreateBody>;

export const resourceResponse = z.object({
  resourceId: z.string(),
  title: z.string(),
  url: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  language: z.string(),
  addedBy: z.string(),
  createdAt: z.string(),
});
export type ResourceResponse = z.infer<typeof resourceResponse>;
export const resourcesPage = page(resourceResponse);
export type ResourcesPage = z.infer<typeof resourcesPage>;
