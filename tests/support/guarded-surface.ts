/**
 * The pupil guard's promises (issue 12, "What must be true", point 2) for one
 * surface a pupil writes on, through the real API: a pupil's text with a
 * finding is held (202, listed for nobody, the project's teachers told),
 * then released as written, edited by a teacher, or deleted, and the pupil
 * is told which; a teacher writing there is warned first (409, nothing
 * written) and writes once they acknowledge; harmless school talk full of
 * numbers is written at once. Each surface's guard test calls
 * describeGuardedSurface with its own driver.
 */
import { describe, expect, inject, it } from 'vitest';
import type { ApiAnswer } from './clients.ts';
import { decide, expectHeld, expectPupilTold, expectTeachersNotified, expectWarned } from './held-texts.ts';
import type { TwinspaceCaller } from './twinspace.ts';

/** One text as a surface lists it, with its author. */
export interface ListedText {
  text: string;
  authorId: string;
  authorName: string;
  authorType: string;
}

/** A surface a pupil writes on: who writes there, how, and what it lists for a reader. */
export interface GuardedSurface {
  surface: string;
  /** The project, its teachers (told of held texts) and everyone else who reads the surface (never told, never shown a held text). */
  space: () => { projectId: string; teachers: TwinspaceCaller[]; others: TwinspaceCaller[] };
  /** The pupil who writes here, and the name pupils are shown by (first name). */
  pupil: () => { caller: TwinspaceCaller; name: string };
  /** A teacher who writes here too (and is warned) and decides on held texts. */
  teacher: () => TwinspaceCaller;
  /** Writes `text` (with `extra` body fields, e.g. acknowledgePersonalData). */
  write: (caller: TwinspaceCaller, text: string, extra?: Record<string, unknown>) => Promise<ApiAnswer>;
  listed: (reader: TwinspaceCaller) => Promise<ListedText[]>;
  /** The field of the held text that holds the finding, which a teacher edits. */
  editedField: string;
}

/** Texts a pupil must not share (the kinds), and one full of harmless numbers. */
export const withPhone = (about: string) => `Call me on 612 345 678 about ${about}!`;
export const withEmail = (about: string) => `Write to me at lucia.rivers@gmail.com about ${about}.`;
export const harmless = (about: string) => `We measured 12.5 °C at 10:30 on 3 May 2026, 42 km from the sea, in room 214: ${about}.`;

export function describeGuardedSurface(driver: GuardedSurface): void {
  const endpoints = inject('endpoints');
  const texts = async (reader: TwinspaceCaller) => (await driver.listed(reader)).map((item) => item.text);
  const everyone = () => [...driver.space().teachers, ...driver.space().others];

  async function expectNowhere(text: string) {
    for (const reader of everyone()) expect(await texts(reader), `${reader.name} does not see it`).not.toContain(text);
  }

  async function holdOne(text: string, kinds: string[]): Promise<string> {
    const heldId = expectHeld(await driver.write(driver.pupil().caller, text), driver.surface, kinds);
    await expectNowhere(text);
    return heldId;
  }

  describe(`a pupil's ${driver.surface}`, () => {
    it('with personal data is held: 202, listed for nobody, and the project’s teachers (only) are told', async () => {
      const { teachers, others } = driver.space();
      const heldId = await holdOne(withPhone('the Ebro'), ['phone']);
      await expectTeachersNotified(endpoints, heldId, teachers, others);
    });

    it('released by a teacher appears as written, with the pupil as its author, and the pupil is told', async () => {
      const text = withEmail('the Loire');
      const heldId = await holdOne(text, ['email']);
      const released = await decide(endpoints, driver.space().projectId, heldId, driver.teacher(), { release: true });
      expect(released.status, JSON.stringify(released.body)).toBeLessThan(300);
      const { caller, name } = driver.pupil();
      for (const reader of everyone()) {
        const found = (await driver.listed(reader)).filter((item) => item.text === text);
        expect(found, `${reader.name} sees it once`).toHaveLength(1);
        expect(found[0]).toMatchObject({ authorId: caller.userId, authorName: name, authorType: caller.type });
      }
      await expectPupilTold(endpoints, caller, heldId, 'released');
    });

    it('edited by a teacher appears with the teacher’s text instead, still the pupil’s, and the pupil is told', async () => {
      const text = withPhone('the Tagus');
      const heldId = await holdOne(text, ['phone']);
      const edit = 'Call me at school about the Tagus!';
      const released = await decide(endpoints, driver.space().projectId, heldId, driver.teacher(), { release: true, fields: [{ field: driver.editedField, text: edit }] });
      expect(released.status, JSON.stringify(released.body)).toBeLessThan(300);
      const { caller, name } = driver.pupil();
      const listed = await driver.listed(driver.teacher());
      expect(listed.filter((item) => item.text === edit)).toEqual([expect.objectContaining({ authorId: caller.userId, authorName: name })]);
      await expectNowhere(text);
      await expectPupilTold(endpoints, caller, heldId, 'edited');
    });

    it('deleted by a teacher never appears, cannot be released after, and the pupil is told', async () => {
      const text = withPhone('the Rhône');
      const heldId = await holdOne(text, ['phone']);
      const { projectId } = driver.space();
      const deleted = await decide(endpoints, projectId, heldId, driver.teacher(), { delete: true });
      expect(deleted.status, JSON.stringify(deleted.body)).toBeLessThan(300);
      // Decided once: a second decision (another teacher's release at the same time) changes nothing.
      expect((await decide(endpoints, projectId, heldId, driver.teacher(), { release: true })).status).toBe(409);
      await expectNowhere(text);
      await expectPupilTold(endpoints, driver.pupil().caller, heldId, 'deleted');
    });

    it('full of harmless numbers is written at once', async () => {
      const text = harmless('the Po');
      const answer = await driver.write(driver.pupil().caller, text);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      for (const reader of everyone()) expect(await texts(reader), `${reader.name} sees it`).toContain(text);
    });
  });

  describe(`a teacher's ${driver.surface}`, () => {
    it('with personal data is refused with a warning first (409, nothing written), and written once acknowledged', async () => {
      const text = withEmail('the Danube');
      expectWarned(await driver.write(driver.teacher(), text), ['email']);
      await expectNowhere(text);
      const acknowledged = await driver.write(driver.teacher(), text, { acknowledgePersonalData: true });
      expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(201);
      for (const reader of everyone()) expect(await texts(reader), `${reader.name} sees it`).toContain(text);
    });
  });
}
