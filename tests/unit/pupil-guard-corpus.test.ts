/**
 * The guard measured against the pupil-message corpus (issue 12, point 4):
 * recall ≥ 95% for e-mails, phones and accounts, ≥ 85% for addresses, abuse
 * (and surnames), false positives ≤ 2% on the harmless half. The corpus was
 * written from the issue, not from the guard's tests; a failing goal prints
 * the messages missed so the guard's owner sees what to fix.
 *
 * What is asserted: recall per kind over all five languages (the per-language
 * samples of 4–13 messages per kind are too small for a percentage; bench
 * prints them); false positives ≤ 2% over all harmless messages, and per
 * language at most one harmless message (≈ 41 per language: 2% of it is
 * less than one message).
 */
import { describe, expect, it } from 'vitest';
import { findingKinds, guardPupilText } from '../../functions/domain/pupil-guard/index.ts';
import { pupilMessageCorpus, expectedKinds, type CorpusLanguage } from '../corpus/pupil-messages/index.ts';
import { describeMisses, falsePositiveGoal, rate, recallGoals, scoreCorpus } from '../corpus/pupil-messages/score.ts';

const languages: CorpusLanguage[] = ['en', 'es', 'fr', 'it', 'de'];
const messages = pupilMessageCorpus.flatMap((file) => file.messages.map((message) => ({ ...message, file })));
const score = scoreCorpus(pupilMessageCorpus, guardPupilText);

describe('the pupil-message corpus', () => {
  it('holds at least 300 messages, at least 60 in each of the five languages', () => {
    expect(messages.length).toBeGreaterThanOrEqual(300);
    expect(pupilMessageCorpus.map((file) => file.language).sort()).toEqual([...languages].sort());
    for (const file of pupilMessageCorpus) expect(file.messages.length, file.language).toBeGreaterThanOrEqual(60);
  });

  it('is half harmless school talk and half personal data or abuse, in every language', () => {
    const harmlessShare = (list: readonly { kinds: readonly string[] }[]) => list.filter((m) => m.kinds.length === 0).length / list.length;
    expect(harmlessShare(messages)).toBeGreaterThanOrEqual(0.45);
    expect(harmlessShare(messages)).toBeLessThanOrEqual(0.55);
    for (const file of pupilMessageCorpus) {
      expect(harmlessShare(file.messages), file.language).toBeGreaterThanOrEqual(0.45);
      expect(harmlessShare(file.messages), file.language).toBeLessThanOrEqual(0.55);
    }
  });

  it('labels only the issue’s kinds, each once, and covers every kind in every language', () => {
    expect([...expectedKinds].sort()).toEqual([...findingKinds].sort());
    for (const message of messages) {
      expect(new Set(message.kinds).size, message.text).toBe(message.kinds.length);
      for (const kind of message.kinds) expect(expectedKinds, message.text).toContain(kind);
    }
    for (const file of pupilMessageCorpus) {
      for (const kind of expectedKinds) {
        expect(file.messages.some((message) => message.kinds.includes(kind)), `${file.language} ${kind}`).toBe(true);
      }
    }
  });

  it('has no message twice', () => {
    expect(new Set(messages.map((message) => message.text)).size).toBe(messages.length);
  });
});

describe('the guard on the corpus', () => {
  it('reports findings as slices of the text, sorted and not overlapping (the contract the queue highlights with)', () => {
    for (const { text, file } of messages) {
      const findings = guardPupilText(text, file.context);
      let end = 0;
      for (const finding of findings) {
        expect(finding.start, text).toBeGreaterThanOrEqual(end);
        expect(finding.end, text).toBeGreaterThan(finding.start);
        expect(finding.end, text).toBeLessThanOrEqual(text.length);
        end = finding.end;
      }
    }
  });

  for (const kind of expectedKinds) {
    it(`finds ${kind} in at least ${recallGoals[kind] * 100}% of the messages that carry one`, () => {
      const tally = score.recall[kind];
      const missed = score.missed.filter((miss) => miss.expected.includes(kind) && !miss.found.includes(kind));
      expect(tally.labelled).toBeGreaterThanOrEqual(15);
      expect(rate(tally), `${kind}: ${tally.found}/${tally.labelled}, missed:\n${describeMisses(missed)}`).toBeGreaterThanOrEqual(recallGoals[kind]);
    });
  }

  it(`flags at most ${falsePositiveGoal * 100}% of the harmless messages`, () => {
    expect(rate(score.harmless), `false positives:\n${describeMisses(score.falsePositives)}`).toBeLessThanOrEqual(falsePositiveGoal);
  });

  it('flags at most one harmless message per language', () => {
    for (const language of languages) {
      const flagged = score.falsePositives.filter((miss) => miss.language === language);
      expect(flagged.length, `${language} false positives:\n${describeMisses(flagged)}`).toBeLessThanOrEqual(1);
    }
  });
});
