/**
 * Least privilege for Cognito (issue 11): every function makes exactly the
 * Cognito admin calls its role allows, read from the code that is deployed.
 *
 * Every function is bundled as function.ts bundles it (the same esbuild
 * settings: ESM, minified, tree-shaken), with esbuild's metafile. Each SDK
 * command is a module of its own (`…/client-cognito-identity-provider/dist-es/commands/<Call>Command.js`),
 * and tree-shaking keeps it only if the function's code can send it: a helper
 * the area never calls (createPupilAccount in the approvals bundle) leaves its
 * commands out. So a bundle's command modules are the calls the function may
 * send, and:
 *
 * - each HTTP area's admin calls equal its declaration's IdentityGrant
 *   (functions/lib/route.ts): a Cognito call added without its grant, or a
 *   grant left after its call went, fails here, naming the area;
 * - every function's admin calls equal the `cognito-idp:` actions of its
 *   synthesised role (the triggers' and stream handlers' roles included).
 *
 * Calls Cognito authorises by the app client, not by IAM (SignUp), need no
 * grant and are left out of both comparisons; the public sign-up's one is
 * checked by name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSync, type Metafile } from 'esbuild';
import { Template } from 'aws-cdk-lib/assertions';
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { allHandlers, areaFunction, httpAreas, httpRoutes, type HandlerRef } from '../../functions/routes.ts';
import { bundlingSettings } from '../../infra/cdk/bundling.ts';
import { repoRoot } from '../../infra/cdk/function.ts';
import { identityGrantOf, RouteRoles, type RouteRolesProps } from '../../infra/cdk/route-roles.ts';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';
import { rolesRights } from './role-rights.ts';

/** Cognito's public calls: authorised by the app client id (and the user's own tokens), never by IAM. */
const publicCalls = new Set(['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode', 'InitiateAuth', 'RespondToAuthChallenge', 'ForgotPassword', 'ConfirmForgotPassword']);

const commandModule = /node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-[a-z]+\/commands\/(\w+)Command\.js$/;
const cognitoClient = /node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-[a-z]+\/CognitoIdentityProviderClient\.js$/;

let metafile: Metafile;
let outdir: string;
let synthesized: Synthesized;
let rights: Record<string, string[]>;
let resources: Record<string, { Properties: any; Metadata?: Record<string, any> }>;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-cognito-calls-'));
  metafile = buildSync({
    entryPoints: Object.fromEntries(allHandlers.map((handler) => [`${handler.name}/index`, path.join(repoRoot, 'functions', `${handler.module}.ts`)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    write: false,
    metafile: true,
    format: bundlingSettings.format,
    platform: bundlingSettings.platform,
    target: bundlingSettings.target,
    minify: bundlingSettings.minify,
    mainFields: [...bundlingSettings.mainFields],
    alias: bundlingSettings.alias,
    external: [...bundlingSettings.externalModules],
    absWorkingDir: repoRoot,
    logLevel: 'error',
  }).metafile!;
  synthesized = buildTwinspace({ bundle: false, context: readmeDeployContext });
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
  rights = rolesRights(resources as Parameters<typeof rolesRights>[0]);
}, 300_000);
afterAll(() => {
  synthesized?.cleanup();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

/** The modules of a function's bundle that put code in it. */
function bundledModules(handler: HandlerRef): string[] {
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith(`${handler.name}/index.mjs`));
  if (!output) throw new Error(`No bundle for ${handler.name}`);
  return Object.entries(output[1].inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([module]) => module);
}

/** Every Cognito call a function's bundle can send, sorted. */
function sentCalls(handler: HandlerRef): string[] {
  const modules = bundledModules(handler);
  const calls = modules.flatMap((module) => commandModule.exec(module)?.[1] ?? []);
  // If the SDK stopped shipping one module per command, this test would see no call: fail instead of passing blind.
  if (calls.length === 0 && modules.some((module) => cognitoClient.test(module))) {
    throw new Error(`${handler.name} bundles the Cognito client but no command module: has the SDK's layout changed?`);
  }
  return [...new Set(calls)].sort();
}

const adminCalls = (handler: HandlerRef) => sentCalls(handler).filter((call) => !publicCalls.has(call));

/** The `cognito-idp:` actions of a function's synthesised role, sorted. */
function roleCalls(handler: HandlerRef): string[] {
  const stack = synthesized.stack;
  const fn = resources[stack.getLogicalId(stack.functions.get(handler.name)!.node.defaultChild as CfnElement)];
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const rolePath = String(resources[roleId].Metadata?.['aws:cdk:path']).replace(/^Twinspace\//, '').replace(/\/Resource$/, '');
  const lines = rights[rolePath];
  if (!lines) throw new Error(`No rights found for ${handler.name}'s role ${rolePath}`);
  return [...new Set(lines.filter((line) => line.startsWith('cognito-idp:')).map((line) => line.replace(/^cognito-idp:(\S+) on .*$/, '$1')))].sort();
}

describe('the Cognito calls each function sends', () => {
  it('finds the calls in the bundles (member management sends its seven admin calls)', () => {
    const members = httpAreas.find((area) => area.name === 'members')!;
    expect(adminCalls(areaFunction(members))).toEqual([
      'AdminAddUserToGroup',
      'AdminCreateUser',
      'AdminDeleteUser',
      'AdminGetUser',
      'AdminListGroupsForUser',
      'AdminRemoveUserFromGroup',
      'AdminSetUserPassword',
    ]);
  });

  it.each(httpAreas.map((area) => [area.name, area] as const))('%s: sends exactly the admin calls its routes declare (IdentityGrant)', (_name, area) => {
    const routes = httpRoutes.filter((route) => route.function.name === areaFunction(area).name);
    const declared = [...new Set(identityGrantOf(routes)?.calls ?? [])].sort();
    expect(adminCalls(areaFunction(area)), `the Cognito admin calls of ${area.name}'s bundle vs. the IdentityGrant of functions/http/${area.folder}/routes.ts`).toEqual(declared);
  });

  it('lets only the public sign-up make a public call, SignUp (no IAM right)', () => {
    const withPublicCalls = allHandlers
      .map((handler) => [handler.name, sentCalls(handler).filter((call) => publicCalls.has(call))] as const)
      .filter(([, calls]) => calls.length > 0);
    expect(Object.fromEntries(withPublicCalls)).toEqual({ 'http-sign-up': ['SignUp'] });
  });

  it.each(allHandlers.map((handler) => [handler.name, handler] as const))('%s: its role allows exactly the admin calls its bundle sends', (_name, handler) => {
    expect(roleCalls(handler)).toEqual(adminCalls(handler));
  });
});

describe('an area’s identity grant', () => {
  const fn = { name: 'http-example', module: 'http/example/handler', export: 'handler' };
  const on = (grants: HttpRouteGrants) => ({ name: 'r', method: 'POST', path: '/r', auth: 'jwt', summary: 's', responses: { 204: null }, grants, function: fn }) as const;
  type HttpRouteGrants = NonNullable<(typeof httpRoutes)[number]['grants']>;

  it('is the one its routes declare, or none', () => {
    const grant = { identity: 'example', calls: ['AdminGetUser'] } as const;
    expect(identityGrantOf([on([grant]), on([grant, 'chat-connections']), on([])])).toBe(grant);
    expect(identityGrantOf([on(['chat-connections'])])).toBeUndefined();
  });

  it('refuses two different grants in one area (its one role would hold both under one name)', () => {
    expect(() => identityGrantOf([on([{ identity: 'a', calls: ['AdminGetUser'] }]), on([{ identity: 'a', calls: ['AdminDeleteUser'] }])])).toThrow(/several identity grants/);
  });
});

describe('the roles of identity grants', () => {
  const roles = () => {
    const stack = new Stack();
    const props = {
      table: { table: { tableArn: 'arn:aws:dynamodb:eu-west-1:1:table/t' }, grantRead: () => undefined, grantReadWrite: () => undefined },
      userPool: new UserPool(stack, 'Pool'),
      chat: { grantConnections: () => undefined },
      materials: { grantAccess: () => undefined },
      rateLimitKey: new Secret(stack, 'Key'),
    } as unknown as RouteRolesProps;
    return new RouteRoles(stack, 'RouteRoles', props);
  };
  const areaWith = (area: string, identity: string, calls: readonly `Admin${string}`[]) => [
    { name: area, method: 'POST', path: `/${area}`, auth: 'jwt', summary: 's', responses: { 204: null }, grants: [{ identity, calls }], function: { name: `http-${area}`, module: `http/${area}/handler`, export: 'handler' } },
  ] as const;

  it('shares one role between areas whose grants are the same calls under the same name', () => {
    const routeRoles = roles();
    expect(routeRoles.roleFor(areaWith('a', 'sync', ['AdminAddUserToGroup', 'AdminGetUser'])).role).toBe(routeRoles.roleFor(areaWith('b', 'sync', ['AdminGetUser', 'AdminAddUserToGroup'])).role);
  });

  it('refuses one name for two sets of calls (the shared role would widen) and two names for one set (two roles where one does)', () => {
    const routeRoles = roles();
    routeRoles.roleFor(areaWith('a', 'sync', ['AdminGetUser']));
    expect(() => routeRoles.roleFor(areaWith('b', 'sync', ['AdminGetUser', 'AdminDeleteUser']))).toThrow(/two sets of calls/);
    expect(() => routeRoles.roleFor(areaWith('c', 'other', ['AdminGetUser']))).toThrow(/same calls/);
  });
});
