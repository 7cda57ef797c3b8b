/**
 * One execution role per permission profile of the HTTP routes, instead of one
 * per function: a role and its policy per route would take two of
 * CloudFormation's 500 resources a stack for every route. Routes with the same
 * rights (read the table; write it; write it and make the same Cognito admin
 * calls) share a role (the public sign-up has one of its own: a few partitions,
 * no Cognito right), and each role writes only to its own profile's log groups.
 * An area's Cognito rights are the calls its routes' IdentityGrant lists
 * (functions/lib/route.ts), each on this pool, and nothing else: no shared
 * list of admin calls. Areas that
 * reach the materials bucket (materials-storage.ts) get a role of their profile
 * and their materials access, so no other area carries S3 rights; areas with a
 * per-address limit (a route declaring `rateLimit`) get one that may read the
 * limit's secret, so no other area can.
 */
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { keys, signUpTicketPrefix } from '../../functions/data/keys.ts';
import type { IdentityGrant } from '../../functions/lib/route.ts';
import type { HttpRoute } from '../../functions/routes.ts';
import { acknowledgeTracing } from './function.ts';
import { materialsAccessOf, type MaterialsAccess } from './materials-storage.ts';
import type { TwinspaceTable } from './storage.ts';
import { regionInFinding } from './nag-findings.ts';

export type RouteProfile = 'read' | 'write' | 'write-and-chat' | 'identity' | 'identity-and-chat' | 'sign-up';

/**
 * The widest rights among a function's routes: GETs read; anything else
 * writes; an IdentityGrant adds its Cognito admin calls ('identity'), and with
 * 'chat-connections' also closing chat sockets ('identity-and-chat': member
 * management, erasure); 'chat-connections' alone writes and posts to chat
 * sockets (chat supervision: a deleted message, the pupils' chat closed, a mute).
 */
export function profileOf(routes: readonly HttpRoute[]): RouteProfile {
  const grants = new Set(routes.flatMap((route) => route.grants ?? []));
  if (grants.has('sign-up')) {
    if (grants.size > 1 || routes.some((route) => !route.grants?.includes('sign-up'))) throw new Error("The 'sign-up' rights are a profile of their own: an area with them holds no other route or grant");
    return 'sign-up';
  }
  const identity = identityGrantOf(routes) !== undefined;
  if (grants.has('chat-connections')) return identity ? 'identity-and-chat' : 'write-and-chat';
  if (identity) return 'identity';
  return routes.every((route) => route.method === 'GET') ? 'read' : 'write';
}

/**
 * The one IdentityGrant of a function's routes (an area declares one, next to
 * the code whose calls it lists, and puts it on each route that calls), or
 * undefined. Two different ones in one area are refused: the role would hold
 * their union under one name.
 */
export function identityGrantOf(routes: readonly HttpRoute[]): IdentityGrant | undefined {
  const found = [...new Set(routes.flatMap((route) => (route.grants ?? []).filter((grant): grant is IdentityGrant => typeof grant === 'object')))];
  const named = new Map(found.map((grant) => [`${grant.identity} ${callsKey(grant)}`, grant]));
  if (named.size > 1) throw new Error(`${routes[0].function.name} declares several identity grants (${[...named.keys()].join('; ')}): declare one for the area`);
  return found[0];
}

/** A grant's calls, as a set: sorted, without repeats. */
const callsKey = (grant: IdentityGrant) => [...new Set(grant.calls)].sort().join(',');

/** The profiles that reach chat sockets (post frames to them, close them). */
export const closesChatSockets = (profile: RouteProfile) => profile === 'identity-and-chat' || profile === 'write-and-chat';

/**
 * The public sign-up's table rights (functions/http/sign-up): each action on
 * the partitions it touches only (dynamodb:LeadingKeys), no Cognito right.
 * It reads whether an address is taken and the owner's profile, writes its
 * ticket, notices and orphan requests (SIGNUP#), the profile, username and
 * registration, the owner's e-mail into the outbox, and counts its rate limit.
 */
export const signUpTableRights: readonly { actions: string[]; partitions: string[] }[] = [
  { actions: ['dynamodb:GetItem'], partitions: ['USERNAME#*', 'USER#*'] },
  { actions: ['dynamodb:PutItem'], partitions: ['USERNAME#*', 'USER#*', `${signUpTicketPrefix}*`, keys.accountMailPartition] },
  { actions: ['dynamodb:DeleteItem'], partitions: [`${signUpTicketPrefix}*`] },
  { actions: ['dynamodb:UpdateItem'], partitions: ['RATE#*'] },
];

export interface RouteRolesProps {
  table: TwinspaceTable;
  userPool: UserPool;
  /** Grants reaching chat sockets (the chat API's @connections). */
  chat: { grantConnections(role: Role): void };
  /** Grants on the materials bucket, for the areas materials-storage.ts names. */
  materials: { grantAccess(grantee: IGrantable, access: MaterialsAccess): void };
  /** The secret keying the per-address limit's hash (lib/rate-limit-secret.ts), read by the areas that limit. */
  rateLimitKey: ISecret;
}

/** Whether an area's function takes per-address attempts (one of its routes declares `rateLimit`). */
export const limitsSourceAddresses = (routes: readonly HttpRoute[]) => routes.some((route) => route.rateLimit !== undefined);

export class RouteRoles extends Construct {
  private readonly roles = new Map<string, { role: Role; logGroupPrefix: string }>();
  /** Each identity grant's calls by its name, and its name by its calls: one name per set of calls, one set per name. */
  private readonly identityCalls = new Map<string, string>();
  private readonly identityNames = new Map<string, string>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: RouteRolesProps,
  ) {
    super(scope, id);
  }

  /** The shared role of these routes' profile (one function's), and the log group name prefix it may write to. */
  roleFor(routes: readonly HttpRoute[]): { role: Role; logGroupPrefix: string } {
    const profile = profileOf(routes);
    const identity = identityGrantOf(routes);
    if (identity) this.checkIdentityName(identity);
    const materials = materialsAccessOf(routes[0].function.name);
    // e.g. 'write', 'write-materials-read' for the areas whose documents show images, 'identity-members-and-chat'.
    const rateLimited = limitsSourceAddresses(routes);
    const base = identity ? profile.replace(/^identity/, `identity-${identity.identity}`) : profile;
    const key = `${materials ? `${base}-materials-${materials}` : base}${rateLimited ? '-rate-limited' : ''}`;
    let shared = this.roles.get(key);
    if (!shared) {
      shared = this.create(key, profile, identity, materials, rateLimited);
      this.roles.set(key, shared);
    }
    return shared;
  }

  /** Areas that make the same calls share a role, so they must use one name; one name with other calls would widen that role. */
  private checkIdentityName(grant: IdentityGrant): void {
    const calls = callsKey(grant);
    const knownCalls = this.identityCalls.get(grant.identity);
    if (knownCalls !== undefined && knownCalls !== calls) throw new Error(`The identity grant '${grant.identity}' is declared with two sets of calls (${knownCalls}; ${calls}): give each its own name`);
    const knownName = this.identityNames.get(calls);
    if (knownName !== undefined && knownName !== grant.identity) throw new Error(`The identity grants '${knownName}' and '${grant.identity}' make the same calls (${calls}): use one name, so the areas share a role`);
    this.identityCalls.set(grant.identity, calls);
    this.identityNames.set(calls, grant.identity);
  }

  private create(key: string, profile: RouteProfile, identity: IdentityGrant | undefined, materials: MaterialsAccess | undefined, rateLimited: boolean): { role: Role; logGroupPrefix: string } {
    const stack = Stack.of(this);
    const logGroupPrefix = `/twinspace/${stack.stackName}/http/${key}/`;
    const role = new Role(this, `${key}-role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: `${logGroupPrefix}*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );
    if (profile === 'sign-up') {
      for (const { actions, partitions } of signUpTableRights) {
        role.addToPolicy(
          new PolicyStatement({
            actions,
            resources: [this.props.table.table.tableArn],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions } },
          }),
        );
      }
    } else if (profile === 'read') this.props.table.grantRead(role);
    else this.props.table.grantReadWrite(role);
    // Exactly the calls the area's code sends (its IdentityGrant), on this pool only.
    if (identity) this.props.userPool.grant(role, ...[...new Set(identity.calls)].sort().map((call) => `cognito-idp:${call}`));
    if (closesChatSockets(profile)) this.props.chat.grantConnections(role);
    if (materials) this.props.materials.grantAccess(role, materials);
    // GetSecretValue alone (not grantRead's DescribeSecret too), on that one secret: what lib/rate-limit-secret.ts calls.
    if (rateLimited) role.addToPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.props.rateLimitKey.secretArn] }));
    acknowledgeTracing(role);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:${regionInFinding(this)}:<AWS::AccountId>:log-group:${logGroupPrefix}*]`,
      reason: `The ${key} routes share this role; it writes to their log groups only, all named ${logGroupPrefix}<route>.`,
    });
    return { role, logGroupPrefix };
  }
}
