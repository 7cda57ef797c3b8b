/**
 * The pupil guard measured (issue 12, points 4 and 5), three tables:
 *
 * 1. Recall per kind and the false-positive rate on the harmless half, over
 *    the corpus (tests/corpus/pupil-messages), per language and in all, each
 *    beside its goal.
 * 2. The guard's time per message: every corpus message, many rounds, p50 and
 *    p99 of single calls (after a warm-up round; the first call apart).
 * 3. What it adds to a chat send: the pure work of the $default handler's
 *    sendMessage (parse and validate the frame, the room rules, the rate
 *    bucket, the message and its broadcast frame as JSON) with and without the
 *    guard, the two alternating message by message in one run, so the
 *    difference and the ratio are not a machine's mood. The round trips to
 *    the table and the @connections posts are the same either way and left out.
 */
import { clientFrame, type MessageFrame } from '../events/chat-frames.ts';
import { takeToken, type ChatBucket } from '../functions/domain/chat-rate.ts';
import { isMuted, mayJoinChat, mayTalkWhilePupilsChat } from '../functions/domain/chat-rules.ts';
import { guardPupilText } from '../functions/domain/pupil-guard/index.ts';
import { sharedName } from '../functions/domain/roster.ts';
import { pupilMessageCorpus, expectedKinds, type CorpusContext, type CorpusLanguage } from '../tests/corpus/pupil-messages/index.ts';
import { falsePositiveGoal, rate, recallGoals, scoreCorpus, type Tally } from '../tests/corpus/pupil-messages/score.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundleAllWithImports } from '../infra/cdk/bundling.ts';
import { repoRoot } from '../infra/cdk/function.ts';
import { buildGuardLayerContent, guardLayerUses } from '../infra/cdk/guard-layer.ts';
import { runWithGuardLayer } from '../tests/infra/guard-layer-probe.ts';
import type { Table } from './table.ts';

const rounds = Number(process.env.BENCH_GUARD_ROUNDS ?? 200);
/** Issue 12, point 5: the guard adds at most 2 ms p99 to a chat send. */
const addedP99GoalMs = 2;

const languages = pupilMessageCorpus.map((file) => file.language);
const messages = pupilMessageCorpus.flatMap((file) => file.messages.map((message) => ({ text: message.text, context: file.context })));

const percent = (value: number) => (Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`);
const cell = (tally: Tally) => (tally.labelled === 0 ? '—' : `${percent(rate(tally))} (${tally.found}/${tally.labelled})`);
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Table 1: recall and false positives per kind and language, beside the goals. */
export async function guardQuality(): Promise<Table> {
  const score = scoreCorpus(pupilMessageCorpus, guardPupilText);
  const byLanguage = (language: CorpusLanguage) => score.recallByLanguage[language];
  const recallRows = expectedKinds.map((kind) => {
    const all = rate(score.recall[kind]);
    return [`recall ${kind}`, cell(score.recall[kind]), ...languages.map((language) => cell(byLanguage(language)[kind])), `≥ ${recallGoals[kind] * 100}%`, all >= recallGoals[kind] ? 'yes' : 'NO'];
  });
  const fp = rate(score.harmless);
  const fpRow = [
    'false positives (harmless)',
    cell(score.harmless),
    ...languages.map((language) => cell(score.harmlessByLanguage[language])),
    `≤ ${falsePositiveGoal * 100}%`,
    fp <= falsePositiveGoal ? 'yes' : 'NO',
  ];
  const withFindings = messages.length - score.harmless.labelled;
  const otherRow = ['other kinds too (messages with findings)', `${score.otherKinds.length}/${withFindings}`, ...languages.map((language) => String(score.otherKinds.filter((each) => each.language === language).length)), '—', '—'];
  return {
    title: `Pupil guard on the corpus: ${messages.length} messages, ${score.harmless.labelled} harmless (tests/corpus/pupil-messages; a kind is found when the guard reports at least one finding of it)`,
    columns: ['figure', 'all', ...languages, 'goal', 'met'],
    rows: [...recallRows, fpRow, otherRow],
  };
}

/** Times `work` on every message for `rounds` rounds after one warm-up round: all samples sorted (ms), and each message's own. */
function timed(work: (index: number) => unknown): { samples: number[]; perMessage: number[][] } {
  for (let index = 0; index < messages.length; index++) work(index);
  const perMessage: number[][] = messages.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < messages.length; index++) {
      const started = performance.now();
      work(index);
      perMessage[index].push(performance.now() - started);
    }
  }
  return { samples: perMessage.flat().sort((a, b) => a - b), perMessage: perMessage.map((each) => each.sort((a, b) => a - b)) };
}

const coldRuns = 5;

/**
 * What the guard adds to a function's cold init: a fresh Node process imports
 * the guard bundled as the functions are, its libraries from the layer's
 * files alone (as on Lambda), and runs it once; median of a few runs.
 */
function guardColdImportMs(): number {
  const outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-bench-guard-'));
  const { folders, externalImports } = bundleAllWithImports([{ name: 'guard', entry: path.join(repoRoot, 'functions/domain/pupil-guard/index.ts') }], outdir);
  const layer = buildGuardLayerContent(guardLayerUses(externalImports.get('guard')!));
  const script = `
    const started = performance.now();
    const { guardPupilText } = await import('./guard.mjs');
    guardPupilText('ring me on 612 345 678', { countries: ['ES'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false });
    process.stdout.write(String(performance.now() - started));
  `;
  try {
    const samples = Array.from({ length: coldRuns }, () => Number(runWithGuardLayer(layer, script, { 'guard.mjs': path.join(folders.get('guard')!, 'index.mjs') })));
    return percentile(samples.sort((a, b) => a - b), 50);
  } finally {
    for (const dir of [outdir, layer]) rmSync(dir, { recursive: true, force: true });
  }
}

/** Table 2: the guard's own time per message. */
export async function guardTime(): Promise<Table> {
  const started = performance.now();
  guardPupilText('first call: a phone 612 345 678 and mail a@b.co', messages[0].context);
  const firstMs = performance.now() - started;
  const { samples, perMessage } = timed((index) => guardPupilText(messages[index].text, messages[index].context));
  const p99 = percentile(samples, 99);
  // The messages that cost most by their own median (not one unlucky sample): where the guard's time goes.
  const slowest = perMessage
    .map((each, index) => ({ median: percentile(each, 50), text: messages[index].text }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 3)
    .map(({ median, text }) => [`slowest: ${JSON.stringify(text.length > 48 ? `${text.slice(0, 47)}…` : text)} (median)`, us(median), '—', '—']);
  return {
    title: `Pupil guard, time per message: ${messages.length} corpus messages × ${rounds} rounds (BENCH_GUARD_ROUNDS), single calls, wall time`,
    columns: ['figure', 'value', 'goal', 'met'],
    rows: [
      ['p50', us(percentile(samples, 50)), '—', '—'],
      ['p99', us(p99), `≤ ${addedP99GoalMs} ms`, p99 <= addedP99GoalMs ? 'yes' : 'NO'],
      ['max', us(samples[samples.length - 1]), '—', '—'],
      ['first call in this process', us(firstMs), '—', '—'],
      [`cold: fresh process imports the bundled guard + layer, first call (median of ${coldRuns})`, `${guardColdImportMs().toFixed(1)} ms`, '—', '—'],
      ...slowest,
    ],
  };
}

/** A pupil in an open project, in the open room, with a rate bucket: what the handler has read when the pure work starts. */
const sender = { type: 'pupil-member' as const, displayName: 'Lucía Pérez' };
const frames = messages.map((message) => JSON.stringify({ action: 'sendMessage', projectId: '01JCHATBENCH', text: message.text, clientId: 'c-1' }));

/** The pure work of one sendMessage in functions/chat/default.ts, with or without the guard. */
function chatSendWork(index: number, guarded: boolean, context: CorpusContext): string | undefined {
  const parsed = clientFrame.safeParse(JSON.parse(frames[index]));
  if (!parsed.success || parsed.data.action !== 'sendMessage') throw new Error('bench frame refused');
  const frame = parsed.data;
  if (!mayJoinChat(sender.type, 'approved')) throw new Error('bench sender refused');
  const now = Date.now();
  if (isMuted(undefined, new Date(now)) || !mayTalkWhilePupilsChat(sender.type, true)) throw new Error('bench sender muted');
  const bucket: ChatBucket = { tokens: 5, at: now };
  const take = takeToken(bucket, now);
  if (!take.allowed) throw new Error('bench bucket empty');
  if (guarded && guardPupilText(frame.text, context).length > 0) return undefined; // held: nothing broadcast
  const message: MessageFrame['message'] = {
    id: '01JCHATBENCHMESSAGE0000000',
    projectId: frame.projectId,
    authorId: 'pupil-1',
    authorName: sharedName(sender),
    authorType: sender.type,
    text: frame.text,
    sentAt: new Date(now).toISOString(),
    ...(frame.clientId ? { clientId: frame.clientId } : {}),
  };
  return JSON.stringify({ type: 'message', message } satisfies MessageFrame);
}

/** Table 3: the chat send's pure work with and without the guard, alternating message by message. */
export async function chatSendCost(): Promise<Table> {
  const without: number[] = [];
  const withGuard: number[] = [];
  const once = (index: number, guarded: boolean) => {
    const started = performance.now();
    chatSendWork(index, guarded, messages[index].context);
    (guarded ? withGuard : without).push(performance.now() - started);
  };
  for (let index = 0; index < messages.length; index++) chatSendWork(index, true, messages[index].context), chatSendWork(index, false, messages[index].context);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < messages.length; index++) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      const guardFirst = (round + index) % 2 === 0;
      once(index, guardFirst);
      once(index, !guardFirst);
    }
  }
  without.sort((a, b) => a - b);
  withGuard.sort((a, b) => a - b);
  const row = (figure: string, p: number) => {
    const base = percentile(without, p);
    const guarded = percentile(withGuard, p);
    const added = guarded - base;
    return [figure, us(base), us(guarded), us(added), `× ${(guarded / base).toFixed(2)}`, p === 99 ? `≤ ${addedP99GoalMs} ms added` : '—', p === 99 ? (added <= addedP99GoalMs ? 'yes' : 'NO') : '—'];
  };
  return {
    title: `Chat send, the $default handler's pure work (frame parse + zod, room rules, rate bucket, broadcast JSON) without and with the guard, ${messages.length} messages × ${rounds} rounds, alternating`,
    columns: ['percentile', 'without guard', 'with guard', 'added', 'ratio', 'goal', 'met'],
    rows: [row('p50', 50), row('p99', 99)],
  };
}
