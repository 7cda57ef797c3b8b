/**
 * `cdk synth` as the README's deploy command runs it (its exact context), timed
 * from the outside, and what the template holds: CloudFormation resources in
 * all, per HTTP route, and what one more route in an existing area costs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { httpRoutes } from '../functions/routes.ts';
import { repoRoot } from '../infra/cdk/function.ts';
import { readmeDeployContext } from '../tests/infra/synth.ts';
import type { Table } from './table.ts';

/** The README's deploy context, read from the README's command (tests/infra synthesizes with the same). */
export const deployContext = Object.entries(readmeDeployContext).flatMap(([key, value]) => ['-c', `${key}=${value}`]);

export async function synthFigures(): Promise<Table> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-bench-synth-'));
  try {
    const started = performance.now();
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'cdk'), ['synth', '-q', '-o', outdir, ...deployContext], { cwd: repoRoot, stdio: 'pipe' });
    const seconds = (performance.now() - started) / 1000;
    const template = JSON.parse(readFileSync(path.join(outdir, 'Twinspace.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties?: { RouteKey?: string } }>;
    };
    const resources = Object.values(template.Resources);
    const count = (type: string) => resources.filter((resource) => resource.Type === type).length;
    // The HTTP API's routes; the WebSocket API's are $connect, $disconnect and $default.
    const routes = resources.filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route' && !resource.Properties?.RouteKey?.startsWith('$')).length;
    const functions = count('AWS::Lambda::Function');
    return {
      title: 'cdk synth (the README deploy command\'s context) and the template',
      columns: ['measure', 'value', 'budget'],
      rows: [
        ['cdk synth wall time', `${seconds.toFixed(1)} s`, '≤ 30 s'],
        ['CloudFormation resources', String(resources.length), '≤ 330 today, far from 500'],
        ['HTTP routes: declared / in the template', `${httpRoutes.length} / ${routes}`, 'equal'],
        ['Lambda functions', String(functions), ''],
        ['resources per HTTP route, whole stack', (resources.length / routes).toFixed(2), ''],
        ['one more route in an existing area', '1 (its AWS::ApiGatewayV2::Route; integration and permission are per area)', '≤ 2'],
      ],
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
