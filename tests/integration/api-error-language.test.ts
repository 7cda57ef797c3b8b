/**
 * The API answers its errors in the reader's language (Accept-Language):
 * Spanish when asked, English otherwise; codes and field names never change.
 * Only refused or invalid requests: the demo data stays as seeded.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { demoProjectId, demoToken } from '../support/clients.ts';

const endpoints = inject('endpoints');

async function call(method: string, path: string, idToken: string, acceptLanguage?: string, body?: unknown) {
  const response = await fetch(`${endpoints.api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${idToken}`,
      ...(acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, language: response.headers.get('content-language'), error: (await response.json()).error };
}

describe('error texts in the reader’s language', () => {
  let ana: string;
  let nss: string;
  let projectId: string;

  beforeAll(async () => {
    [ana, nss] = await Promise.all([demoToken(endpoints, 'ana@demo.twinspace'), demoToken(endpoints, 'nss.es@demo.twinspace')]);
    projectId = await demoProjectId(endpoints);
  });

  it('a 403 is explained in Spanish to a Spanish reader and in English to anyone else', async () => {
    const spanish = await call('GET', '/partners', nss, 'es-ES,es;q=0.9,en;q=0.8');
    expect(spanish).toMatchObject({ status: 403, language: 'es', error: { code: 'FORBIDDEN', message: 'La búsqueda de socios es solo para docentes.' } });

    const english = await call('GET', '/partners', nss, 'en');
    expect(english).toMatchObject({ status: 403, language: 'en', error: { code: 'FORBIDDEN', message: 'Partner search is for teachers only.' } });

    const unsaid = await call('GET', '/partners', nss);
    expect(unsaid.error.message).toBe('Partner search is for teachers only.');
  });

  it('tells caches that the answer depends on the language, also on a call from the site', async () => {
    const fromSite = await fetch(`${endpoints.api}/partners`, {
      headers: { authorization: `Bearer ${nss}`, 'accept-language': 'es', origin: new URL(endpoints.web).origin },
      signal: AbortSignal.timeout(15_000),
    });
    await fromSite.arrayBuffer();
    const vary = (fromSite.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(vary).toEqual(expect.arrayContaining(['accept-language', 'origin']));
  });

  it('a 409 on the demo project says in Spanish why the state does not allow it', async () => {
    const spanish = await call('POST', `/projects/${projectId}/reopen`, ana, 'es');
    expect(spanish).toMatchObject({ status: 409, error: { code: 'CONFLICT', message: 'El proyecto ya está abierto.' } });

    const english = await call('POST', `/projects/${projectId}/reopen`, ana, 'de, en;q=0.5');
    expect(english).toMatchObject({ status: 409, error: { code: 'CONFLICT', message: 'The project is already open.' } });
  });

  it("a 400 names each field with a Spanish problem, the field names unchanged", async () => {
    const invalid = { title: ' ', description: 'Agua', subjects: [], ages: { min: 12, max: 9 }, languages: ['ES'] };
    const spanish = await call('POST', '/projects', ana, 'es', invalid);
    expect(spanish.status).toBe(400);
    expect(spanish.error.code).toBe('VALIDATION_FAILED');
    expect(spanish.error.message).toBe('Hay datos no válidos en el cuerpo de la solicitud.');
    expect(spanish.error.details).toEqual(
      expect.arrayContaining([
        { field: 'body.title', message: 'No puede estar vacío.' },
        { field: 'body.subjects', message: 'Indica al menos una materia.' },
        { field: 'body.ages.max', message: 'max no puede ser menor que min.' },
        { field: 'body.languages.0', message: 'Un código de idioma como «en» o «es».' },
        { field: 'body.partnerUsername', message: 'Falta este dato.' },
      ]),
    );

    const english = await call('POST', '/projects', ana, 'en', invalid);
    expect(english.error.details).toEqual(expect.arrayContaining([{ field: 'body.title', message: 'Must not be empty.' }]));
  });
});
