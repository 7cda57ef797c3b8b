/** A complete Quality Label application form, as a teacher fills it in (tests and the policy walk's probe). */
const criteria = ['collaboration', 'technology', 'pedagogy', 'curriculum', 'results'] as const;

export function labelApplicationForm(projectId: string, extra: Record<string, unknown> = {}) {
  return {
    eligibility: { commonGoals: true, finished: true, participation: true, collaborativeActivities: true, dataProtection: true },
    evidence: Object.fromEntries(
      criteria.map((criterion) => [criterion, { text: `How the project met "${criterion}", with our pupils' work.`, links: [`/en/projects/${projectId}/pages`] }]),
    ),
    ...extra,
  };
}
