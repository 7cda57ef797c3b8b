/**
 * Which folder holds the built site. In order: the `siteDir` context value,
 * the TWINSPACE_SITE_DIR environment variable, then web/dist, which is built
 * once (Astro) if it is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'constructs';
import { repoRoot } from './function.ts';

export const siteDirContextKey = 'siteDir';
export const siteDirEnvName = 'TWINSPACE_SITE_DIR';

export function resolveSiteDir(appNode: Node): string {
  const chosen = appNode.tryGetContext(siteDirContextKey) ?? process.env[siteDirEnvName];
  if (chosen) {
    const dir = path.resolve(String(chosen));
    if (!existsSync(path.join(dir, 'index.html'))) {
      throw new Error(`The site folder ${dir} (from ${siteDirContextKey} / ${siteDirEnvName}) has no index.html.`);
    }
    return dir;
  }
  const dist = path.join(repoRoot, 'web', 'dist');
  if (!hasPages(dist)) {
    process.stderr.write('web/dist has no built pages: building the site once (npx astro build --root web)...\n');
    try {
      execSync('npx astro build --root web', { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    } catch (cause) {
      throw new Error(
        'Building the site failed, so there is nothing to deploy. Run `npm run build:web` and fix what it reports, ' +
          `or point ${siteDirEnvName} (or -c ${siteDirContextKey}=...) at a built site folder.`,
        { cause },
      );
    }
    if (!hasPages(dist)) throw new Error('`astro build --root web` succeeded but web/dist has no HTML page to deploy.');
  }
  if (!existsSync(path.join(dist, 'index.html'))) {
    process.stderr.write('Warning: web/dist has no index.html, so the site root (/) will answer 403.\n');
  }
  return dist;
}

/** A half-written dist (e.g. only _astro/) is not a build. */
function hasPages(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((file) => String(file).endsWith('.html'));
}
