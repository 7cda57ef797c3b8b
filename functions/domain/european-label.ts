/**
 * The European Quality Label proposal (DOMAIN.md, "Quality Labels"): once a
 * year, projects whose National Quality Labels were granted in at least two
 * countries and whose average NQL score is above 20 are proposed; each
 * country proposes at most a quarter of its NQL projects, best first.
 *
 * Decided here, where DOMAIN.md is silent:
 * - "The year" is a school year (1 September – 31 August, as the yearly
 *   application limit), and a label counts in the school year it was applied
 *   for; the selection runs after that year has ended.
 * - A project's average NQL score is the mean total (0–30) of all its NQLs
 *   granted that year, whatever their country.
 * - A country's NQL projects are the projects with at least one NQL granted by
 *   its evaluators that year; its quarter is rounded down (a country with
 *   three NQL projects proposes none). Among the eligible projects it holds,
 *   it proposes the best average first (ties: the earlier project id).
 * - A project is proposed once, by every country that chose it.
 * - Nobody in DOMAIN.md decides after the proposal, so the proposal is what
 *   the project shows: "European Quality Label, proposed <school year>".
 */

export const europeanMinimumCountries = 2;
/** The average must be ABOVE this (20 itself is not enough). */
export const europeanAverageAbove = 20;
/** Each country proposes at most this share of its NQL projects. */
export const europeanShareOfCountry = 1 / 4;

/** One National Quality Label granted in the school year. */
export interface GrantedNationalLabel {
  projectId: string;
  country: string;
  /** The evaluator's total, 0–30. */
  total: number;
}

export interface EuropeanProposal {
  projectId: string;
  /** The mean of the project's NQL totals that year, rounded to one decimal. */
  averageScore: number;
  /** The countries whose NQLs it holds, sorted. */
  countries: string[];
  /** The countries that proposed it, sorted. */
  proposedBy: string[];
}

export function europeanProposals(grants: readonly GrantedNationalLabel[]): EuropeanProposal[] {
  const byProject = new Map<string, { totals: number[]; countries: Set<string> }>();
  for (const grant of grants) {
    const project = byProject.get(grant.projectId) ?? { totals: [], countries: new Set<string>() };
    project.totals.push(grant.total);
    project.countries.add(grant.country);
    byProject.set(grant.projectId, project);
  }
  const average = (totals: number[]) => totals.reduce((sum, total) => sum + total, 0) / totals.length;
  const eligible = new Map(
    [...byProject]
      .filter(([, project]) => project.countries.size >= europeanMinimumCountries && average(project.totals) > europeanAverageAbove)
      .map(([projectId, project]) => [projectId, average(project.totals)] as const),
  );

  const proposedBy = new Map<string, string[]>();
  const countries = new Set(grants.map((grant) => grant.country));
  for (const country of [...countries].sort()) {
    const nqlProjects = [...byProject].filter(([, project]) => project.countries.has(country)).map(([projectId]) => projectId);
    const quota = Math.floor(nqlProjects.length * europeanShareOfCountry);
    const best = nqlProjects
      .filter((projectId) => eligible.has(projectId))
      .sort((a, b) => eligible.get(b)! - eligible.get(a)! || (a < b ? -1 : 1))
      .slice(0, quota);
    for (const projectId of best) proposedBy.set(projectId, [...(proposedBy.get(projectId) ?? []), country]);
  }

  return [...proposedBy]
    .map(([projectId, by]) => ({
      projectId,
      averageScore: Math.round(eligible.get(projectId)! * 10) / 10,
      countries: [...byProject.get(projectId)!.countries].sort(),
      proposedBy: by.sort(),
    }))
    .sort((a, b) => b.averageScore - a.averageScore || (a.projectId < b.projectId ? -1 : 1));
}

/** The school year that ended before `now` (the one a run on 1 September selects from). */
export function schoolYearEndedBefore(now: Date): string {
  // The school year starts on 1 September: before it, the current year's is still going (started last year).
  const startOfCurrent = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${startOfCurrent - 1}-${startOfCurrent}`;
}
