/**
 * Pupils are children: no log line carries a pupil's name, anyone's e-mail
 * address or anyone's IP address (issue 11: no address kept beyond what the
 * rate limit needs, and that is a keyed hash in the table, never a log). The
 * local stack keeps every handler log line in a file (the same JSON lines
 * Lambda sends to CloudWatch); this walks a TwinSpace where pupils are
 * created, sign in and write, passes the rate-limited sign-up, and reads what
 * was logged.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const handlerLog = inject('handlerLog');

/** The pupils newTwinspace creates (tests/support/twinspace.ts), by name. */
const pupilNames = ['Lucía', 'Lucia', 'Romero', 'Pablo', 'Ortega'];
const emailAddress = /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i;
/** An IPv4 address (the tests reach the gateway from 127.0.0.1), or the IPv6 loopback as a socket gives it. */
const ipAddress = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|::1\b|::ffff:/i;

let space: TestTwinspace;
let lines: string[];

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Logs keep no names');
  const pupil = space.members['pupil-admin'];
  const teacher = space.members['teacher-admin'];
  // A pupil writes to the teachers (held for a teacher: it has an e-mail address); a teacher answers by name (warned
  // first, then sent); a bad request and a refused one leave their lines too.
  expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/mailbox`, pupil.idToken, { toUserId: teacher.userId, subject: 'Hola', body: 'Soy Lucía Romero, lucia@example.org' })).status).toBe(202);
  const answer = { toUserId: pupil.userId, subject: 'Hi Lucía', body: 'Thanks, Lucía Romero', acknowledgePersonalData: true };
  expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/mailbox`, teacher.idToken, answer)).status).toBe(201);
  expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, teacher.idToken, { username: 'pablo.ortega@example.org', type: 'member-teacher' })).status).toBeGreaterThanOrEqual(400);
  expect((await apiSend(endpoints, 'GET', `/projects/${space.projectId}/diary`, pupil.idToken)).status).toBe(403);
  // The one route that reads the source address (its per-address limit): malformed, so no account is made; 429 if the window is full.
  expect([400, 429]).toContain((await apiSend(endpoints, 'POST', '/registrations', undefined, { email: 'not an address' })).status);
  lines = readFileSync(handlerLog, 'utf8').split('\n').filter(Boolean);
});

describe('the handlers’ log', () => {
  it('has a line per answer, with the Lambda context and the API Gateway request id as correlation id', () => {
    const answered = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'Answered');
    expect(answered.length).toBeGreaterThan(10);
    const mailbox = answered.find((entry) => entry.routeKey === 'POST /projects/{projectId}/mailbox' && entry.status === 201);
    expect(mailbox).toMatchObject({ status: 201, function_name: 'twinspace-http-mailbox', service: 'twinspace' });
    expect(mailbox.correlation_id).toMatch(/^[A-Za-z0-9+/=]{8,}$/);
    expect(mailbox.function_request_id).toBeDefined();
    // The held message is answered and logged like any other (without its words: the other tests here).
    expect(answered.some((entry) => entry.routeKey === 'POST /projects/{projectId}/mailbox' && entry.status === 202)).toBe(true);
  });

  it('never carries a pupil’s name', () => {
    const named = lines.filter((line) => pupilNames.some((name) => line.includes(name)));
    expect(named).toEqual([]);
  });

  it('never carries an e-mail address', () => {
    expect(lines.filter((line) => emailAddress.test(line))).toEqual([]);
  });

  it('never carries an IP address, not even where the rate limit read one', () => {
    const answered = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'Answered');
    expect(answered.some((entry) => entry.routeKey === 'POST /registrations')).toBe(true);
    expect(lines.filter((line) => ipAddress.test(line))).toEqual([]);
  });
});
