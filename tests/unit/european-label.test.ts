/**
 * The European Quality Label proposal, from DOMAIN.md ("Quality Labels"):
 * projects whose NQLs were granted in at least two countries and whose
 * average NQL score is above 20 are proposed; each country proposes at most a
 * quarter of its NQL projects, best first.
 */
import { describe, expect, it } from 'vitest';
import { europeanProposals, schoolYearEndedBefore, type GrantedNationalLabel } from '../../functions/domain/european-label.ts';

const grant = (projectId: string, country: string, total: number): GrantedNationalLabel => ({ projectId, country, total });
/** `count` projects with one NQL each in `country` only (never eligible: one country), to give a country its NQL projects. */
const filler = (country: string, count: number, total = 30) => Array.from({ length: count }, (_, i) => grant(`${country}-only-${i}`, country, total));
const proposed = (grants: GrantedNationalLabel[]) => europeanProposals(grants).map((proposal) => proposal.projectId);

describe('which projects are proposed', () => {
  it('proposes a project with NQLs from two countries and an average above 20', () => {
    const grants = [grant('P', 'ES', 22), grant('P', 'FR', 20), ...filler('ES', 3), ...filler('FR', 3)];
    expect(europeanProposals(grants)).toEqual([{ projectId: 'P', averageScore: 21, countries: ['ES', 'FR'], proposedBy: ['ES', 'FR'] }]);
  });

  it('does not propose a project labelled in one country only, however high its score', () => {
    expect(proposed([grant('P', 'ES', 30), grant('P', 'ES', 29), ...filler('ES', 6)])).toEqual([]);
  });

  it('does not propose an average of exactly 20 (it must be above)', () => {
    expect(proposed([grant('P', 'ES', 21), grant('P', 'FR', 19), ...filler('ES', 3), ...filler('FR', 3)])).toEqual([]);
    expect(proposed([grant('P', 'ES', 21), grant('P', 'FR', 20), ...filler('ES', 3), ...filler('FR', 3)])).toEqual(['P']);
  });

  it('lets a country propose at most a quarter of its NQL projects, the best first', () => {
    // ES has 8 NQL projects (A, B, C + 5 of its own): it proposes 2 of the eligible A (26), B (24), C (22).
    const grants = [
      grant('A', 'ES', 26), grant('A', 'IT', 26),
      grant('B', 'ES', 24), grant('B', 'IT', 24),
      grant('C', 'ES', 22), grant('C', 'IT', 22),
      ...filler('ES', 5),
    ];
    // IT holds only A, B, C: a quarter of 3 is less than one, so IT proposes none; ES proposes A and B.
    const proposals = europeanProposals(grants);
    expect(proposals.map((proposal) => proposal.projectId)).toEqual(['A', 'B']);
    expect(proposals.every((proposal) => proposal.proposedBy.join() === 'ES')).toBe(true);
  });

  it('proposes nothing from a country with fewer than four NQL projects', () => {
    expect(proposed([grant('P', 'ES', 28), grant('P', 'FR', 28), ...filler('ES', 2), ...filler('FR', 2)])).toEqual([]);
  });

  it('averages every NQL the project was granted that year, whatever the country', () => {
    const grants = [grant('P', 'ES', 30), grant('P', 'ES', 14), grant('P', 'FR', 19), ...filler('ES', 3), ...filler('FR', 3)];
    // (30 + 14 + 19) / 3 = 21
    expect(europeanProposals(grants)[0]).toMatchObject({ projectId: 'P', averageScore: 21 });
  });

  it('proposes a project chosen by two countries once, naming both', () => {
    const grants = [grant('P', 'ES', 25), grant('P', 'FR', 25), ...filler('ES', 3), ...filler('FR', 3)];
    expect(europeanProposals(grants)).toHaveLength(1);
    expect(europeanProposals(grants)[0].proposedBy).toEqual(['ES', 'FR']);
  });
});

describe('the school year a run selects from', () => {
  it('is the one that ended on 31 August', () => {
    expect(schoolYearEndedBefore(new Date('2027-09-01T05:00:00Z'))).toBe('2026-2027');
    expect(schoolYearEndedBefore(new Date('2027-08-31T23:00:00Z'))).toBe('2025-2026');
    expect(schoolYearEndedBefore(new Date('2027-01-15T12:00:00Z'))).toBe('2025-2026');
  });
});
