/**
 * First-start work on the emulators: the table, the user pool with its app
 * client and seven groups, then the demo data. What was created is recorded
 * in `<dataDir>/local-state.json` so a restart reuses it, and an interrupted
 * first start is recognised instead of half-working.
 */
import { passwordPolicy } from '../../functions/domain/password-policy.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException as TableNotFound,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { tableDesign } from '../../functions/data/table.ts';
import { cognitoGroups } from '../../functions/domain/twinspace-types.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { StartupProblem } from './problems.ts';

/** 'identity-created' → 'seeding' → 'ready'. */
interface LocalState {
  userPoolId: string;
  clientId: string;
  phase: 'identity-created' | 'seeding' | 'ready';
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function statePath(dataDir: string): string {
  return join(dataDir, 'local-state.json');
}

function readState(dataDir: string): LocalState | undefined {
  const path = statePath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LocalState;
  } catch {
    throw brokenDataFolder(dataDir, `${path} is not readable JSON`);
  }
}

function writeState(dataDir: string, state: LocalState): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(statePath(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

function brokenDataFolder(dataDir: string, what: string): StartupProblem {
  return new StartupProblem(
    `The local data folder ${dataDir} is half-initialised (${what}); delete it (rm -rf ${dataDir}) and run npm start again to recreate the table, the users and the demo data.`,
  );
}

/** The table's stream, as the CDK app declares it (functions/data/table.ts): the local stream poller reads it. */
const streamSpecification = { StreamEnabled: true, StreamViewType: tableDesign.streamViewType };

/** One index of the design, as CreateTable and UpdateTable take it. */
const indexOf = (gsi: (typeof tableDesign.globalIndexes)[number]) => ({
  IndexName: gsi.indexName,
  KeySchema: [
    { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/** Creates the table from functions/data/table.ts if missing; true when it had to. A table kept on disk from before streams gets its stream. */
async function ensureTable(endpoints: LocalEndpoints): Promise<boolean> {
  const dynamodb = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials });
  try {
    const existing = await dynamodb.send(new DescribeTableCommand({ TableName: endpoints.table }));
    if (!existing.Table?.StreamSpecification?.StreamEnabled) {
      await dynamodb.send(new UpdateTableCommand({ TableName: endpoints.table, StreamSpecification: streamSpecification }));
    }
    // A table kept on disk from before an index was designed (GSI2, the author index) gets it; items written before
    // it carry no keys of it: re-seed (rm -rf .twinspace) to have erasure and export see them.
    const present = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
    for (const gsi of tableDesign.globalIndexes.filter((designed) => !present.has(designed.indexName))) {
      await dynamodb.send(
        new UpdateTableCommand({
          TableName: endpoints.table,
          AttributeDefinitions: [gsi.partitionKey, gsi.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: { ...indexOf(gsi) } }],
        }),
      );
    }
    dynamodb.destroy();
    return false;
  } catch (error) {
    if (!(error instanceof TableNotFound)) throw error;
  }
  await dynamodb.send(
    new CreateTableCommand({
      TableName: endpoints.table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [tableDesign.partitionKey, tableDesign.sortKey, ...tableDesign.globalIndexes.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey])].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDesign.globalIndexes.map(indexOf),
      StreamSpecification: streamSpecification,
    }),
  );
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 30 }, { TableName: endpoints.table });
  await dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: endpoints.table,
      TimeToLiveSpecification: { AttributeName: tableDesign.ttlAttribute, Enabled: true },
    }),
  );
  dynamodb.destroy();
  return true;
}

async function createIdentity(cognito: CognitoIdentityProviderClient): Promise<Pick<LocalState, 'userPoolId' | 'clientId'>> {
  const pool = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'twinspace',
      // Pupils sign in with plain usernames, so no e-mail usernames.
      UsernameAttributes: [],
      // As the cloud pool (infra/cdk/auth.ts): MFA optional for the pool, so an account with an authenticator app is asked for its code.
      MfaConfiguration: 'OPTIONAL',
      Policies: {
        PasswordPolicy: {
          MinimumLength: passwordPolicy.minLength,
          RequireLowercase: passwordPolicy.requireLowercase,
          RequireUppercase: passwordPolicy.requireUppercase,
          RequireNumbers: passwordPolicy.requireDigits,
          RequireSymbols: passwordPolicy.requireSymbols,
          TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays,
        },
      },
    }),
  );
  const userPoolId = pool.UserPool!.Id!;
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'twinspace-site',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  for (const groupName of cognitoGroups) {
    await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
  }
  return { userPoolId, clientId: client.UserPoolClient!.ClientId! };
}

async function poolExists(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<boolean> {
  try {
    await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
    return true;
  } catch {
    return false;
  }
}

async function seedWithDemo(endpoints: LocalEndpoints, dataDir: string): Promise<boolean> {
  // The seed module is written by another part of the team; until it exists, start without demo data.
  if (!existsSync(join(import.meta.dirname, 'seed.ts'))) {
    console.warn('infra/local/seed.ts is missing: starting without demo data.');
    return false;
  }
  const seedModule = (await import('./seed.ts')) as { seedDemo(endpoints: LocalEndpoints, dataDir: string): Promise<unknown> };
  // The data folder keeps the demo staff's authenticator keys (demo-authenticator.ts).
  await seedModule.seedDemo(endpoints, dataDir);
  return true;
}

/**
 * Makes the emulators ready for the handlers and returns the complete endpoints
 * (with the user pool ids). `base` has every URL; its cognito ids are ignored.
 */
export async function bootstrap(dataDir: string, base: LocalEndpoints, options: { seed: boolean }): Promise<LocalEndpoints> {
  const state = readState(dataDir);
  const cognito = new CognitoIdentityProviderClient({ endpoint: base.cognito.endpoint, region: base.region, credentials });
  try {
    const tableCreated = await ensureTable(base);
    if (state?.phase === 'ready' && tableCreated) throw brokenDataFolder(dataDir, 'the users exist but the table was gone');
    if (!state && !tableCreated) throw brokenDataFolder(dataDir, 'the table exists but no user pool was recorded');
    if (state?.phase === 'seeding') throw brokenDataFolder(dataDir, 'a previous first start stopped while loading the demo data');
    if (state && !(await poolExists(cognito, state.userPoolId))) {
      throw brokenDataFolder(dataDir, `user pool ${state.userPoolId} is recorded but cognito-local does not know it`);
    }
    const identity = state ?? { ...(await createIdentity(cognito)), phase: 'identity-created' as const };
    if (!state) writeState(dataDir, identity);
    const endpoints: LocalEndpoints = {
      ...base,
      cognito: { endpoint: base.cognito.endpoint, userPoolId: identity.userPoolId, clientId: identity.clientId },
    };
    if (identity.phase !== 'ready' && options.seed) {
      writeState(dataDir, { ...identity, phase: 'seeding' });
      const seeded = await seedWithDemo(endpoints, dataDir);
      writeState(dataDir, { ...identity, phase: seeded ? 'ready' : 'identity-created' });
    }
    return endpoints;
  } finally {
    cognito.destroy();
  }
}
