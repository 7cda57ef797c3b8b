/**
 * Demo data for the desktop's community (groups, encounters, the resource
 * library), seeded after the demo accounts through the handlers' own
 * repository functions. Encounter dates are relative to the seeding day so
 * they stay upcoming for a few weeks after a first start.
 */
import { ulid } from 'ulid';
import { createEncounter } from '../../functions/data/encounters.ts';
import { addGroupMember, createGroup } from '../../functions/data/groups.ts';
import { createResource } from '../../functions/data/resources.ts';
import type { TableStore } from '../../functions/data/store.ts';

export interface DemoPerson {
  userId: string;
  displayName: string;
  country: string;
}

export const demoGroups = {
  open: 'Climate teachers',
  invitation: 'CLIL in Europe',
} as const;

export const demoEncounters = {
  english: 'Project-based learning with TwinSpace',
  spanish: 'Evaluar proyectos colaborativos',
} as const;

const daysFrom = (now: Date, days: number, hourUtc: number) => {
  const date = new Date(now);
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date.toISOString();
};

/** `people` by demo username (ana, luc, eva, nss.es, nss.fr must be there). */
export async function seedCommunity(store: TableStore, people: (username: string) => DemoPerson, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const ana = people('ana@demo.twinspace');
  const luc = people('luc@demo.twinspace');
  const eva = people('eva@demo.twinspace');
  const nssEs = people('nss.es@demo.twinspace');
  const nssFr = people('nss.fr@demo.twinspace');
  const memberOf = (groupId: string, person: DemoPerson) => ({ groupId, userId: person.userId, displayName: person.displayName, country: person.country, joinedAt: at });

  const climate = ulid();
  await createGroup(
    store,
    { groupId: climate, name: demoGroups.open, theme: 'Climate change and the environment in the classroom: ideas, data, partners.', access: 'open', ownerId: ana.userId, ownerName: ana.displayName, memberCount: 1, createdAt: at },
    memberOf(climate, ana),
  );
  const clil = ulid();
  await createGroup(
    store,
    { groupId: clil, name: demoGroups.invitation, theme: 'Teaching a subject through another language (CLIL): materials and lesson swaps.', access: 'invitation', ownerId: luc.userId, ownerName: luc.displayName, memberCount: 1, createdAt: at },
    memberOf(clil, luc),
  );
  await addGroupMember(store, memberOf(clil, eva));

  const counters = { seatsTaken: 0, waitingCount: 0, waitingIssued: 0 };
  await createEncounter(store, {
    encounterId: ulid(),
    title: demoEncounters.english,
    description: 'An hour online: planning a project with partners abroad, from the first idea to the TwinSpace.',
    language: 'en',
    startsAt: daysFrom(now, 14, 16),
    joinUrl: 'https://meet.example.org/pbl-twinspace',
    seats: 25,
    ...counters,
    createdBy: nssFr.userId,
    organiser: nssFr.displayName,
    createdAt: at,
  });
  await createEncounter(store, {
    encounterId: ulid(),
    title: demoEncounters.spanish,
    description: 'Cómo evaluar el trabajo de los alumnos en un proyecto con socios de otros países.',
    language: 'es',
    startsAt: daysFrom(now, 21, 17),
    joinUrl: 'https://meet.example.org/evaluar-proyectos',
    seats: 40,
    ...counters,
    createdBy: nssEs.userId,
    organiser: nssEs.displayName,
    createdAt: at,
  });

  // createResource also writes each resource's search words (title, tags, description), so these are found by search too.
  const resources = [
    { title: 'Measuring water quality with pupils', url: 'https://example.org/water-quality', description: 'Simple tests pupils can do at a river or a tap, with a worksheet.', tags: ['science', 'water'], language: 'en', by: nssFr },
    { title: 'Climate change: a lesson kit', url: 'https://example.org/climate-kit', description: 'Five lessons with data sets and discussion cards.', tags: ['climate', 'science'], language: 'en', by: nssFr },
    { title: 'El cambio climático en el aula', url: 'https://example.org/clima-aula', description: 'Actividades para secundaria con datos reales.', tags: ['climate', 'geography'], language: 'es', by: nssEs },
    { title: 'Guía para proyectos colaborativos', url: 'https://example.org/guia-proyectos', description: 'Paso a paso: de la idea a la evaluación.', tags: ['projects'], language: 'es', by: nssEs },
  ];
  for (const [index, { by, ...resource }] of resources.entries()) {
    // Distinct timestamps keep "newest first" stable.
    const createdAt = new Date(now.getTime() - (resources.length - index) * 60_000).toISOString();
    await createResource(store, { resourceId: ulid(), ...resource, addedBy: by.userId, addedByName: by.displayName, createdAt });
  }
}
