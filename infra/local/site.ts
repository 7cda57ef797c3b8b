/**
 * The Astro site on the web port: the static build served by sirv, plus
 * /config.json (the same settings CloudFront serves in the cloud). Every
 * answer carries the security headers and Cache-Control CloudFront sends
 * (infra/site-headers.ts), so the local site runs under the same policy.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sirv from 'sirv';
import { cacheControl, cacheControlOf, securityHeaders, type SiteOrigins } from '../site-headers.ts';
import { siteConfigOf, type LocalEndpoints } from './endpoints.ts';
import { listen } from './http-gateway.ts';

export const repositoryRoot = join(import.meta.dirname, '..', '..');
export const defaultSiteFolder = join(repositoryRoot, 'web', 'dist');

/** `astro build --root web [--outDir folder]`; resolves true when it built. */
export function buildSite(outDir: string): Promise<{ built: boolean; output: string }> {
  const require = createRequire(import.meta.url);
  const astro = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  return new Promise((resolve) => {
    const build = spawn(process.execPath, [astro, 'build', '--root', 'web', '--outDir', outDir], {
      cwd: repositoryRoot,
      // NODE_ENV production whatever the caller runs under (vitest sets 'test', which builds JSX with its dev runtime, ~20% more
      // JavaScript): the site the tests drive and weigh (tests/browser/page-weight.test.ts) is the one that ships.
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    build.stdout.on('data', (chunk: Buffer) => (output += chunk));
    build.stderr.on('data', (chunk: Buffer) => (output += chunk));
    build.on('error', (error) => resolve({ built: false, output: String(error) }));
    build.on('exit', (code) => resolve({ built: code === 0 && existsSync(join(outDir, 'index.html')), output }));
  });
}

/** The built not-found page of the address's language (Spanish under /es/, English otherwise). */
function notFoundPage(folder: string, url: string): string {
  const lang = url.startsWith('/es/') || url === '/es' ? 'es' : 'en';
  return join(folder, lang, 'not-found', 'index.html');
}

/** What the local pages connect to: the local API, chat, cognito-local and the storage, as config.json and the API give them. */
export function localSiteOrigins(endpoints: LocalEndpoints): SiteOrigins {
  return { api: endpoints.api, chat: endpoints.chat, cognito: endpoints.cognito.endpoint, storage: endpoints.storage };
}

export async function startSite(endpoints: LocalEndpoints, port: number, folder: string): Promise<Server> {
  const configJson = JSON.stringify(siteConfigOf(endpoints));
  const headers = securityHeaders(localSiteOrigins(endpoints));
  // Looked up per request until the build exists, so a site built after start is served.
  let files: ReturnType<typeof sirv> | undefined;
  const server = createServer((request, response) => {
    files ??= existsSync(join(folder, 'index.html')) ? sirv(folder, { etag: true, dev: false }) : undefined;
    const pathname = (request.url ?? '').split('?')[0];
    // Set before sirv answers: its writeHead keeps them (it sets no Cache-Control of its own without maxAge).
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('cache-control', cacheControlOf(pathname));
    if (pathname === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': cacheControl.revalidate });
      response.end(configJson);
      return;
    }
    const notBuilt = () => {
      if (files) {
        // An address the site does not have: its not-found page, in the address's language, with status 404 (as CloudFront answers).
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': cacheControl.revalidate });
        const page = notFoundPage(folder, request.url ?? '/');
        response.end(existsSync(page) ? readFileSync(page) : '<!doctype html><title>Not found</title><p>Not found.</p>');
        return;
      }
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end('<!doctype html><title>Twinspace</title><p>The site is not built yet: run <code>npm run build:web</code> and reload.</p>');
    };
    if (!files) return notBuilt();
    files(request, response, notBuilt);
  });
  await listen(server, port);
  return server;
}
