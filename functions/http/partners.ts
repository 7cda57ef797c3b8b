/**
 * GET /partners?country=&subject=&age=&language=&limit=&cursor=: partner
 * search, for teachers only. Lists teachers open to partnership (never
 * pupils or guests, never the caller), without e-mail addresses: teachers
 * contact each other through desktop mail.
 */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { forbidden, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { decodePartnerCursor, searchPartnerProfiles } from '../data/partners.ts';
import { getUserProfile } from '../data/users.ts';
import { isListedPartner, usesDesktop } from '../domain/desktop.ts';
import { partnerQuery, type PartnersPage } from './desktop-schemas.ts';

export const searchPartners = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { limit, cursor, ...filter } = parseOr400(partnerQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodePartnerCursor(cursor, filter.country);
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!usesDesktop(profile?.kind)) throw forbidden('Partner search is for teachers only.');
  const { partners, lastKey } = await searchPartnerProfiles(store, filter, caller.userId, { limit, startKey });
  const body: PartnersPage = {
    // The index holds open teachers only; checked again so nothing else can ever leak out.
    items: partners.filter(isListedPartner).map((partner) => ({
      userId: partner.userId,
      displayName: partner.displayName,
      country: partner.country,
      school: partner.school,
      subjects: partner.subjects ?? [],
      languages: partner.languages ?? [],
      ages: partner.ages,
      about: partner.about,
    })),
    nextCursor: encodeCursor(lastKey),
  };
  return json(200, body);
});
