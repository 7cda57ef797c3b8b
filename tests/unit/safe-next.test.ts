/**
 * The sign-in page's `next=`: only a path on the site itself is followed,
 * anything else falls back to the desktop. Values are given as the page
 * reads them (URLSearchParams of the query string) and also as raw text.
 */
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/src/lib/safe-next.ts';

const origin = 'http://127.0.0.1:4321';
const fallback = '/en/desktop/';

/** What the sign-in page hands to safeNext for `?next=<query>` as it appears in the address bar. */
const fromQuery = (query: string) => new URLSearchParams(`next=${query}`).get('next');

describe('safeNext refuses anything that could leave the site', () => {
  // As typed in the address bar (percent-escapes decoded once by URLSearchParams, as on the page).
  const offSiteQueries = [
    '/%5Cevil.example/x', // "/\evil.example/x": the browser reads \ as /
    '/%5cevil.example/x',
    '/%09/evil.example', // tab, dropped by the URL parser: "//evil.example"
    '/%0A/evil.example', // newline, likewise
    '/%0D/evil.example', // carriage return, likewise
    '/%0D%0A/evil.example',
    '%5C%5Cevil.example', // "\\evil.example"
    '\\\\evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '//evil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '///evil.example',
    'https://evil.example',
    'https%3A%2F%2Fevil.example%2F',
    'http:evil.example',
    '//evil.example/%2e%2e',
    'javascript:alert(document.domain)',
    'JavaScript%3Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '%20//evil.example',
    '%09//evil.example',
  ];

  it.each(offSiteQueries)('?next=%s falls back to the desktop', (query) => {
    expect(safeNext(fromQuery(query), origin, fallback)).toBe(fallback);
  });

  // The same traps when the value reaches safeNext still escaped (or was escaped twice): refused before or after one decoding.
  const offSiteValues = [
    '/%5Cevil.example/x',
    '/%5cevil.example/x',
    '/%09/evil.example',
    '/%0A/evil.example',
    '/%0a/evil.example',
    '/%0D/evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\u0000/evil.example',
    '\\\\evil.example',
    '\\evil.example',
    ' /evil.example',
    '\t//evil.example',
    '//evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/%', // a broken escape
    '/%E0%A4%A',
  ];

  it.each(offSiteValues)('the value %j falls back to the desktop', (value) => {
    expect(safeNext(value, origin, fallback)).toBe(fallback);
  });

  it('falls back when there is no next at all', () => {
    expect(safeNext(null, origin, fallback)).toBe(fallback);
    expect(safeNext(undefined, origin, fallback)).toBe(fallback);
    expect(safeNext('', origin, fallback)).toBe(fallback);
    expect(safeNext(fromQuery(''), origin, fallback)).toBe(fallback);
  });

  it('gives back the fallback it was given (the desktop of the page language)', () => {
    expect(safeNext(fromQuery('/%5Cevil.example/x'), origin, '/es/desktop/')).toBe('/es/desktop/');
  });
});

describe('safeNext keeps ordinary paths of the site', () => {
  const kept = [
    '/en/desktop/',
    '/es/desktop/',
    '/en/profile/',
    '/es/projects/view/?id=01JABCDEFGHJKMNPQRSTVWXYZ0#chat',
    '/en/twinspace/forum/?id=01JABCDEFGHJKMNPQRSTVWXYZ0',
    '/en/partners/?country=FR&subject=science%20geography',
    '/es/partners/?subject=ciencias+naturales',
    '/en/partners/?subject=caf%C3%A9',
    '/',
  ];

  it.each(kept)('%s is followed as it is', (path) => {
    expect(safeNext(path, origin, fallback)).toBe(path);
  });

  it('keeps a path as the sign-in page reads it from its own query string (as requireSession builds it)', () => {
    const comingBackTo = '/es/projects/view/?id=01JABCDEFGHJKMNPQRSTVWXYZ0#chat';
    const query = new URLSearchParams({ next: comingBackTo }).toString();
    expect(safeNext(new URLSearchParams(query).get('next'), origin, fallback)).toBe(comingBackTo);
  });

  it('follows the resolved path, not the raw text', () => {
    expect(safeNext('/en/../es/desktop/', origin, fallback)).toBe('/es/desktop/');
    expect(safeNext('/en/partners/?subject=a b', origin, fallback)).toBe('/en/partners/?subject=a%20b');
  });

  it('works for any site origin, given with or without a path', () => {
    expect(safeNext('/en/desktop/', 'https://twinspace.example', fallback)).toBe('/en/desktop/');
    expect(safeNext('/es/profile/', 'https://twinspace.example/en/?next=/es/profile/', fallback)).toBe('/es/profile/');
    expect(safeNext('//evil.example', 'https://twinspace.example', fallback)).toBe(fallback);
  });
});
