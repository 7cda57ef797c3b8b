/**
 * Builds the real CDK app for the infra tests, as `cdk synth` does, into a
 * temporary folder, with a stand-in site folder (the site's own build is the
 * web tier's business, not the infrastructure's).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { defineTwinspace } from '../../infra/cdk/twinspace-app.ts';
import { repoRoot } from '../../infra/cdk/function.ts';
import type { TwinspaceStack } from '../../infra/cdk/stack.ts';

export interface SynthOptions {
  /** Bundle the functions with esbuild (slow); off for checks that read no code. */
  bundle: boolean;
  /** Runs on the stack before synth (e.g. to plant a finding). */
  modify?: (stack: TwinspaceStack) => void;
  /**
   * `-c key=value` context, as the CLI passes it, over the README's deploy
   * command's (every synth gives what that command gives, unless a test says
   * otherwise); a key set to undefined is left out, as if not given.
   */
  context?: Record<string, string | undefined>;
}

/** The README's deploy command, as written in the README (its "Deploying to AWS" block). */
export function readmeDeployCommand(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const command = readme.split('\n').find((line) => /^npx cdk deploy\b/.test(line));
  if (!command) throw new Error('The README has no `npx cdk deploy` line');
  return command.replace(/\s+#.*$/, '').trim();
}

/** The `-c key=value` pairs of a cdk command line. */
export function contextOf(command: string): Record<string, string> {
  return Object.fromEntries([...command.matchAll(/(?:^|\s)-c\s+([A-Za-z]+)=(\S+)/g)].map(([, key, value]) => [key, value]));
}

/** The README's deploy command's context, read from the README itself: the infra tests synthesize with exactly it. */
export const readmeDeployContext: Record<string, string> = contextOf(readmeDeployCommand());

export interface Synthesized {
  app: App;
  stack: TwinspaceStack;
  outdir: string;
  /** Removes the temporary cloud assembly and site folders. */
  cleanup: () => void;
}

export function standInSiteDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'twinspace-site-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Twinspace</title>');
  return dir;
}

export function buildTwinspace(options: SynthOptions): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-cdk-'));
  const app = new App({
    outdir,
    context: {
      // As the CLI does: construct paths and asset folders in the template's Metadata.
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      // CDK's own switch: an empty list bundles no stack.
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...Object.fromEntries(Object.entries({ ...readmeDeployContext, ...options.context }).filter(([, value]) => value !== undefined)),
    },
  });
  const siteDir = standInSiteDir();
  const stack = defineTwinspace(app, { siteDir });
  options.modify?.(stack);
  const cleanup = () => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(siteDir, { recursive: true, force: true });
  };
  return { app, stack, outdir, cleanup };
}

export interface PluginReport {
  pluginName: string;
  conclusion: string;
  violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
}

/** CDK's policy validation report (cdk-nag 3 reports through it). */
export function validationReport(outdir: string): PluginReport[] {
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  return report.pluginReports;
}
