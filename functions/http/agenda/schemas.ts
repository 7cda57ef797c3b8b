/**
 * The agenda's request and response shapes: handlers parse with them, the
 * OpenAPI document is generated from them.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { agendaLimits, canonicalInstant, endsAfterStart } from '../../domain/agenda.ts';
import { isSafeLink } from '../../domain/resources.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { ulidString } from '../schemas.ts';

/** ISO 8601 in UTC ("Z"), stored in one spelling so times sort as strings. */
const instant = z.iso.datetime({ message: 'Expected an ISO 8601 UTC time, e.g. 2026-12-01T09:00:00Z.' }).transform(canonicalInstant);

const link = z
  .url({ message: 'Expected a link, e.g. https://example.org/meeting.' })
  .max(agendaLimits.link)
  .refine(isSafeLink, 'Only https:// links are accepted.')
  .transform((href) => new URL(href).href);

const eventFields = {
  title: visibleText({ max: agendaLimits.title }),
  description: visibleText({ max: agendaLimits.description, multiline: true, allowEmpty: true }).default(''),
  startsAt: instant,
  endsAt: instant,
  location: visibleText({ max: agendaLimits.location, allowEmpty: true }).optional(),
  link: link.optional(),
  /** In the public calendar feed (title and times only); absent: not. An edit replaces it too. */
  public: z.boolean().default(false),
};
const endsAfterStartRule = { message: 'An event ends after it starts.', path: ['endsAt'] };

export const agendaEventBody = z.object(eventFields).strict().refine(endsAfterStart, endsAfterStartRule);
export type AgendaEventBodyInput = z.input<typeof agendaEventBody>;

/** An edit replaces the event's fields and carries the version it read (a stale one: 409). */
export const agendaEventUpdateBody = z
  .object({ ...eventFields, version: z.number().int().min(1) })
  .strict()
  .refine(endsAfterStart, endsAfterStartRule);
export type AgendaEventUpdateBodyInput = z.input<typeof agendaEventUpdateBody>;

export const agendaQuery = pageQuery.extend({
  from: z
    .union([z.iso.date(), z.iso.datetime()], { message: 'Expected a date (2026-12-01) or an ISO 8601 UTC time.' })
    .optional(),
});

export const agendaPathParams = z.object({ projectId: ulidString });
export const agendaEventPathParams = z.object({ projectId: ulidString, eventId: ulidString });

export const agendaEventResponse = z.object({
  eventId: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().optional(),
  link: z.string().optional(),
  public: z.boolean().describe('In the public calendar feed (title and times only)'),
  createdBy: z.object({ userId: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgendaEventResponse = z.infer<typeof agendaEventResponse>;

export const agendaPage = z.object({ items: z.array(agendaEventResponse), nextCursor: z.string().nullable() });
export type AgendaPage = z.infer<typeof agendaPage>;
