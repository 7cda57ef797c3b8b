/**
 * Scores a guard over the corpus, message by message: the figures the issue's
 * goals are stated in (point 4), shared by the corpus test and `npm run bench`.
 * A message labelled with a kind is recalled when the guard reports at least
 * one finding of that kind; a harmless message with any finding is a false
 * positive.
 */
import { expectedKinds, type CorpusFile, type CorpusLanguage, type ExpectedKind } from './types.ts';

/** The goals (point 4): recall per kind, false positives on the harmless half. */
export const recallGoals: Readonly<Record<ExpectedKind, number>> = {
  email: 0.95,
  phone: 0.95,
  account: 0.95,
  address: 0.85,
  abuse: 0.85,
  // The issue sets no figure for surnames; held to the address/abuse one.
  surname: 0.85,
};
export const falsePositiveGoal = 0.02;

export interface GuardLike {
  (text: string, context: CorpusFile['context']): readonly { kind: string; start: number; end: number }[];
}

export interface Miss {
  language: CorpusLanguage;
  text: string;
  expected: readonly string[];
  found: readonly string[];
}

export interface Tally {
  labelled: number;
  found: number;
}

export interface CorpusScore {
  /** Per kind: messages labelled with it, and how many of them the guard found it in. */
  recall: Record<ExpectedKind, Tally>;
  recallByLanguage: Record<CorpusLanguage, Record<ExpectedKind, Tally>>;
  /** Harmless messages, and how many of them had a finding. */
  harmless: Tally;
  harmlessByLanguage: Record<CorpusLanguage, Tally>;
  /** Messages labelled with a kind the guard did not find. */
  missed: Miss[];
  /** Harmless messages the guard found something in. */
  falsePositives: Miss[];
  /** Messages with findings where the guard also reported a kind they are not labelled with (held either way; the reason shown differs). */
  otherKinds: Miss[];
}

const emptyTallies = (): Record<ExpectedKind, Tally> =>
  Object.fromEntries(expectedKinds.map((kind) => [kind, { labelled: 0, found: 0 }])) as Record<ExpectedKind, Tally>;

export function scoreCorpus(corpus: readonly CorpusFile[], guard: GuardLike): CorpusScore {
  const score: CorpusScore = {
    recall: emptyTallies(),
    recallByLanguage: {} as CorpusScore['recallByLanguage'],
    harmless: { labelled: 0, found: 0 },
    harmlessByLanguage: {} as CorpusScore['harmlessByLanguage'],
    missed: [],
    falsePositives: [],
    otherKinds: [],
  };
  for (const file of corpus) {
    const byKind = (score.recallByLanguage[file.language] = emptyTallies());
    const harmless = (score.harmlessByLanguage[file.language] = { labelled: 0, found: 0 });
    for (const message of file.messages) {
      const found = [...new Set(guard(message.text, file.context).map((finding) => finding.kind))];
      const report = { language: file.language, text: message.text, expected: message.kinds, found };
      if (message.kinds.length === 0) {
        harmless.labelled += 1;
        score.harmless.labelled += 1;
        if (found.length > 0) {
          harmless.found += 1;
          score.harmless.found += 1;
          score.falsePositives.push(report);
        }
        continue;
      }
      let complete = true;
      for (const kind of message.kinds) {
        const hit = found.includes(kind);
        for (const tally of [score.recall[kind], byKind[kind]]) {
          tally.labelled += 1;
          if (hit) tally.found += 1;
        }
        complete &&= hit;
      }
      if (!complete) score.missed.push(report);
      if (found.some((kind) => !message.kinds.includes(kind as ExpectedKind))) score.otherKinds.push(report);
    }
  }
  return score;
}

export const rate = (tally: Tally) => (tally.labelled === 0 ? Number.NaN : tally.found / tally.labelled);

export const describeMisses = (misses: readonly Miss[]) =>
  misses.map((miss) => `  [${miss.language}] ${JSON.stringify(miss.text)} expected [${miss.expected}] found [${miss.found}]`).join('\n');
