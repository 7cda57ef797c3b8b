/**
 * The pupil guard measured (issue 12, points 4 and 5), three tables:
 *
 * 1. Recall per kind and the false-positive rate on the harmless half, over
 *    the corpus (tests/corpus/pupil-messages), per language and in all, each
 *    beside its goal.
 * 2. The guard's time per message: every corpus message, many rounds, p50 and
 *    p99 of single calls (after a warm-up round; the first call apart), in
 *    CPU time (judged) and wall time, and what a cold start pays for it.
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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { guardModule } from '../infra/cdk/bundling.ts';
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

/** One call's wall time and CPU time (user + system of this process, µs resolution), in ms. */
interface Sample {
  wall: number;
  cpu: number;
}

function sampled(work: () => unknown): Sample {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * The machine this runs on may be shared (the development machine: 2 cores,
 * often a load of 10+): a call's wall time then includes the time another
 * process had the core, and the wall p99 measures that. The CPU time a call
 * took does not, so the goals are judged on it; the wall figures stand beside.
 */
const loadNote = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
const sorted = (values: number[]) => values.sort((a, b) => a - b);

/** Times `work` on every message for `rounds` rounds after one warm-up round: every sample, and each message's own wall times. */
function timed(work: (index: number) => unknown): { wall: number[]; cpu: number[]; perMessage: number[][] } {
  for (let index = 0; index < messages.length; index++) work(index);
  const perMessage: number[][] = messages.map(() => []);
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < messages.length; index++) {
      const sample = sampled(() => work(index));
      perMessage[index].push(sample.wall);
      cpu.push(sample.cpu);
    }
  }
  return { wall: sorted(perMessage.flat()), cpu: sorted(cpu), perMessage: perMessage.map(sorted) };
}

const coldRuns = 5;

/**
 * What the guard adds to a function's cold init: a fresh Node process imports
 * the guard from the layer's files alone (its package and its libraries, as
 * on Lambda), and runs it once; median of a few runs.
 */
function guardColdImportMs(): { guard: number; baseline: number } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-bench-guard-'));
  const layer = buildGuardLayerContent(guardLayerUses([]));
  const script = (module: string, call: string) => `
    const started = performance.now();
    const loaded = await import('${module}');
    ${call}
    process.stdout.write(String(performance.now() - started));
  `;
  const files = { 'empty.mjs': path.join(outdir, 'empty.mjs') };
  writeFileSync(files['empty.mjs'], 'export const nothing = 0;\n');
  const median = (source: string) => percentile(sorted(Array.from({ length: coldRuns }, () => Number(runWithGuardLayer(layer, source, files)))), 50);
  try {
    return {
      guard: median(script(guardModule, "loaded.guardPupilText('ring me on 612 345 678', { countries: ['ES'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false });")),
      // The same fresh process importing an empty module: what any import costs there, to read the guard's figure against.
      baseline: median(script('./empty.mjs', '')),
    };
  } finally {
    for (const dir of [outdir, layer]) rmSync(dir, { recursive: true, force: true });
  }
}

/** Table 2: the guard's own time per message. */
export async function guardTime(): Promise<Table> {
  const started = performance.now();
  guardPupilText('first call: a phone 612 345 678 and mail a@b.co', messages[0].context);
  const firstMs = performance.now() - started;
  const cold = guardColdImportMs();
  const { wall, cpu, perMessage } = timed((index) => guardPupilText(messages[index].text, messages[index].context));
  const cpuP99 = percentile(cpu, 99);
  const medians = perMessage.map((each) => percentile(each, 50));
  // The messages that cost most by their own median (not one unlucky sample): where the guard's time goes.
  const slowest = medians
    .map((median, index) => ({ median, text: messages[index].text }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 3)
    .map(({ median, text }) => [`slowest: ${JSON.stringify(text.length > 48 ? `${text.slice(0, 47)}…` : text)} (its median)`, us(median), '—', '—']);
  return {
    title: `Pupil guard, time per message: ${messages.length} corpus messages × ${rounds} rounds (BENCH_GUARD_ROUNDS), single calls; ${loadNote()}`,
    columns: ['figure', 'value', 'goal', 'met'],
    rows: [
      ['CPU time p50', us(percentile(cpu, 50)), '—', '—'],
      ['CPU time p99', us(cpuP99), `≤ ${addedP99GoalMs} ms`, cpuP99 <= addedP99GoalMs ? 'yes' : 'NO'],
      ['wall time p50', us(percentile(wall, 50)), '—', '—'],
      ['wall time p99 (includes other processes\' turns)', us(percentile(wall, 99)), '—', '—'],
      ['p99 over messages of each one\'s median wall time', us(percentile(sorted(medians), 99)), `≤ ${addedP99GoalMs} ms`, percentile(sorted(medians), 99) <= addedP99GoalMs ? 'yes' : 'NO'],
      ['first call in this process', us(firstMs), '—', '—'],
      [`cold: fresh process imports the guard from its layer, first call (median of ${coldRuns})`, `${cold.guard.toFixed(1)} ms`, '—', '—'],
      ['cold: the same process importing an empty module instead', `${cold.baseline.toFixed(1)} ms`, '—', '—'],
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
  const without: Sample[] = [];
  const withGuard: Sample[] = [];
  const once = (index: number, guarded: boolean) => (guarded ? withGuard : without).push(sampled(() => chatSendWork(index, guarded, messages[index].context)));
  for (let index = 0; index < messages.length; index++) chatSendWork(index, true, messages[index].context), chatSendWork(index, false, messages[index].context);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < messages.length; index++) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      const guardFirst = (round + index) % 2 === 0;
      once(index, guardFirst);
      once(index, !guardFirst);
    }
  }
  const row = (figure: string, measure: 'cpu' | 'wall', p: number, judged: boolean) => {
    const base = percentile(sorted(without.map((sample) => sample[measure])), p);
    const guarded = percentile(sorted(withGuard.map((sample) => sample[measure])), p);
    const added = guarded - base;
    return [figure, us(base), us(guarded), us(added), `× ${(guarded / Math.max(base, 0.001)).toFixed(1)}`, judged ? `≤ ${addedP99GoalMs} ms added` : '—', judged ? (added <= addedP99GoalMs ? 'yes' : 'NO') : '—'];
  };
  return {
    title: `Chat send, the $default handler's pure work (frame parse + zod, room rules, rate bucket, broadcast JSON) without and with the guard, ${messages.length} messages × ${rounds} rounds, alternating; ${loadNote()}`,
    columns: ['figure', 'without guard', 'with guard', 'added', 'ratio', 'goal', 'met'],
    rows: [row('CPU time p50', 'cpu', 50, false), row('CPU time p99', 'cpu', 99, true), row('wall time p50', 'wall', 50, false), row('wall time p99', 'wall', 99, false)],
  };
}
