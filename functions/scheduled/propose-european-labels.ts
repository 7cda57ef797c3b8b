/**
 * The yearly European Quality Label proposal (DOMAIN.md, "Quality Labels";
 * the rule is domain/european-label.ts). Fired on 1 September, it selects
 * from the school year that has just ended: one Query of that year's granted
 * NQLs (their sparse index, no Scan), the rule, one conditional Put per
 * proposed project. A second firing proposes nothing new.
 */
import { scheduledEvent } from '../../events/schedule.ts';
import { listGrantedNationalLabels, recordEuropeanProposal } from '../data/european-labels.ts';
import { europeanProposals, schoolYearEndedBefore } from '../domain/european-label.ts';
import { tableStore } from '../lib/clients.ts';
import { countOf, logger, observedHandler } from '../lib/observability.ts';

export interface EuropeanProposalRun {
  schoolYear: string;
  nationalLabels: number;
  proposed: number;
  alreadyProposed: number;
}

async function handle(event: unknown): Promise<EuropeanProposalRun> {
  const firing = scheduledEvent.parse(event);
  const now = new Date(firing.time);
  const schoolYear = schoolYearEndedBefore(now);
  const store = tableStore();
  const grants = await listGrantedNationalLabels(store, schoolYear);
  const run: EuropeanProposalRun = { schoolYear, nationalLabels: grants.length, proposed: 0, alreadyProposed: 0 };
  for (const proposal of europeanProposals(grants)) {
    if (await recordEuropeanProposal(store, schoolYear, proposal, now.toISOString())) run.proposed++;
    else run.alreadyProposed++;
  }
  countOf('EuropeanLabelsProposed', run.proposed);
  logger.info('European Quality Label proposals', { ...run });
  return run;
}

export const handler = observedHandler(handle);
