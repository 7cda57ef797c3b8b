/**
 * Issue 11, "The site": the one Content-Security-Policy both CloudFront and
 * the local site server send (infra/site-headers.ts), the caching by path,
 * the local server's real answers, and the build step that leaves no inline
 * script or style in a page (web/integrations/external-inline.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoEmbedUrl } from '../../functions/domain/rich-text-core.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { closeServer } from '../../infra/local/http-gateway.ts';
import { localSiteOrigins, startSite } from '../../infra/local/site.ts';
import { cacheControlOf, contentSecurityPolicy, originOf } from '../../infra/site-headers.ts';
import { externalise, inlineElements } from '../../web/integrations/external-inline.ts';

const endpoints: LocalEndpoints = {
  api: 'http://localhost:4000',
  chat: 'ws://localhost:4001',
  web: 'http://localhost:4321',
  mail: 'http://localhost:4002',
  dynamodb: 'http://localhost:4003',
  storage: 'http://localhost:4569',
  bucket: 'twinspace-materials',
  table: 'Twinspace',
  region: 'eu-west-1',
  cognito: { endpoint: 'http://localhost:9229', userPoolId: 'local_pool', clientId: 'client' },
};

const directives = (csp: string) => new Map(csp.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  const csp = contentSecurityPolicy(localSiteOrigins(endpoints));
  const policy = directives(csp);

  it('allows scripts and styles from the site only: no inline, no hash, no eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-|'sha\d+-|'nonce-/);
  });

  it('connects only to the site, the API, the chat, Cognito and the storage; images from the site and the storage', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:4000', 'ws://localhost:4001', 'http://localhost:9229', 'http://localhost:4569']);
    expect(policy.get('img-src')).toEqual(["'self'", 'http://localhost:4569']);
  });

  it('frames only the two video players the site embeds, whatever the video', () => {
    expect(policy.get('frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    for (const src of [videoEmbedUrl('youtube', 'dQw4w9WgXcQ'), videoEmbedUrl('vimeo', '76979871')]) {
      expect(policy.get('frame-src')).toContain(new URL(src).origin);
    }
  });

  it('no plug-ins, no other base, no framing of the site, forms post to the site only', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it('names origins only: paths are cut, CDK token strings survive, a relative address is refused', () => {
    expect(originOf('wss://abc.execute-api.eu-west-1.amazonaws.com/prod')).toBe('wss://abc.execute-api.eu-west-1.amazonaws.com');
    expect(originOf('https://${Token[TOKEN.12]}.execute-api.${Token[AWS.Region.3]}.amazonaws.com/')).toBe('https://${Token[TOKEN.12]}.execute-api.${Token[AWS.Region.3]}.amazonaws.com');
    expect(() => originOf('/api')).toThrow();
  });
});

describe('caching by path', () => {
  it('/_astro/* immutable for a year; pages and config.json no-cache', () => {
    expect(cacheControlOf('/_astro/client.DyLQgswe.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/en/', '/es/desktop/', '/config.json', '/favicon.svg', '/_astro']) expect(cacheControlOf(path), path).toBe('no-cache');
  });
});

describe('the local site server', () => {
  let folder: string;
  let server: Server;
  let site: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'twinspace-site-headers-'));
    mkdirSync(join(folder, '_astro'));
    mkdirSync(join(folder, 'en', 'not-found'), { recursive: true });
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Twinspace</title>');
    mkdirSync(join(folder, 'en', 'desktop'), { recursive: true });
    writeFileSync(join(folder, 'en', 'desktop', 'index.html'), '<!doctype html><title>Desktop</title>');
    writeFileSync(join(folder, 'en', 'not-found', 'index.html'), '<!doctype html><title>Not found</title>');
    writeFileSync(join(folder, '_astro', 'page.Ab12Cd34.js'), 'export {};');
    server = await startSite(endpoints, 0, folder);
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await closeServer(server);
    rmSync(folder, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(localSiteOrigins(endpoints)));
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
    expect(response.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(\)/);
    expect(response.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it.each([
    ['a page', '/en/desktop/', 200, 'no-cache'],
    ['config.json', '/config.json', 200, 'no-cache'],
    ['a bundle', '/_astro/page.Ab12Cd34.js', 200, 'public, max-age=31536000, immutable'],
    ['an address the site does not have', '/en/nowhere/', 404, 'no-cache'],
    ['a bundle the site does not have', '/_astro/gone.Zz99.js', 404, 'no-cache'],
  ])('%s: the security headers and its Cache-Control', async (_what, path, status, cacheControl) => {
    const response = await fetch(`${site}${path}`);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
  });

  it('a page asked for again with its ETag: 304, headers still there', async () => {
    const first = await fetch(`${site}/en/desktop/`);
    const again = await fetch(`${site}/en/desktop/`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again);
  });
});

describe('moving inline scripts and styles into files (the build step)', () => {
  const page =
    '<!doctype html><html><head><script type="application/ld+json">{"a":1}</script><link rel="stylesheet" href="/_astro/a.css"></head>' +
    '<body><style>astro-island{display:contents}</style><script>(()=>{self.one=1})();</script><script>(()=>{self.two=self.one+1})();</script>' +
    '<astro-island uid="x" props="{&quot;a&quot;:[0,&quot;</script>&quot;]}"></astro-island>' +
    '<script type="module">var e=document.querySelector(`[data-lang-switch]`);</script><script type="module" src="/_astro/b.js"></script></body></html>';

  it('replaces each inline script (classic or module) and style by a file of its text, in place and in order', () => {
    const { html, files } = externalise(page);
    expect(inlineElements(html)).toEqual([]);
    const references = [...html.matchAll(/<(script|link)[^>]*(?:src|href)="\/_astro\/([^"]+)"/g)].map((match) => match[2]);
    expect(references).toEqual(['a.css', ...files.keys(), 'b.js']);
    const texts = [...files.values()];
    expect(texts).toEqual(['astro-island{display:contents}', '(()=>{self.one=1})();', '(()=>{self.two=self.one+1})();', 'var e=document.querySelector(`[data-lang-switch]`);']);
    // A classic script stays classic (it runs before the islands after it, in order); a module stays a module.
    expect(html).toMatch(/<script src="\/_astro\/inline\.[0-9a-f]{16}\.js"><\/script><script src="\/_astro\/inline\.[0-9a-f]{16}\.js"><\/script><astro-island/);
    expect(html).toMatch(/<script type="module" src="\/_astro\/inline\.[0-9a-f]{16}\.js"><\/script><script type="module" src="\/_astro\/b\.js">/);
    expect(html).toMatch(/<body><link rel="stylesheet" href="\/_astro\/inline\.[0-9a-f]{16}\.css">/);
  });

  it('leaves data blocks, external scripts and attribute text alone; the same text always gets the same file', () => {
    const { html } = externalise(page);
    expect(html).toContain('<script type="application/ld+json">{"a":1}</script>');
    expect(html).toContain('props="{&quot;a&quot;:[0,&quot;</script>&quot;]}"');
    expect(externalise(page).files).toEqual(externalise(page).files);
    expect(externalise(externalise(page).html).files.size).toBe(0);
  });
});
