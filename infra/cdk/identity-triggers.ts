/**
 * The user pool's Lambda triggers (functions/routes.ts identityTriggers), each
 * with a role of its own that allows only what it does:
 *
 * - pre-sign-up reads sign-up tickets (GetItem on the table, partition keys
 *   starting SIGNUP# only): it refuses a SignUp that did not come through
 *   POST /registrations.
 * - pre-token-generation calls AdminGetUser on this pool (whether the user
 *   has TOTP), nothing in the table.
 *
 * The pool names each function (LambdaConfig) and Cognito may invoke it (a
 * resource policy scoped to this pool's ARN, added by addTrigger). A function
 * cannot name the pool in its environment or in a policy inside its role
 * (pool → function → role → pool is a cycle CloudFormation refuses), so the
 * triggers read the pool id from their event, and pre-token-generation's
 * AdminGetUser right is a separate IAM policy attached to its role, which
 * the function does not depend on.
 */
import { Duration } from 'aws-cdk-lib';
import { UserPoolOperation, LambdaVersion, type UserPool } from 'aws-cdk-lib/aws-cognito';
import { Effect, Policy, PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { signUpTicketPrefix } from '../../functions/data/keys.ts';
import { envNames } from '../../functions/lib/config.ts';
import { identityTriggers } from '../../functions/routes.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceTable } from './storage.ts';

export interface IdentityTriggersProps {
  userPool: UserPool;
  table: TwinspaceTable;
}

export class TwinspaceIdentityTriggers extends Construct {
  readonly functions: Map<string, TwinspaceFunction> = new Map();

  constructor(scope: Construct, id: string, props: IdentityTriggersProps) {
    super(scope, id);
    const { userPool, table } = props;

    const preSignUp = new TwinspaceFunction(this, {
      handler: identityTriggers.preSignUp,
      // Only the table: the pool id comes with the event (the pool cannot be named here, see above).
      environment: { [envNames.tableName]: table.table.tableName },
      // Cognito waits 5 s for a trigger, then fails the sign-up.
      timeout: Duration.seconds(5),
    });
    preSignUp.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem'],
        resources: [table.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${signUpTicketPrefix}*`] } },
      }),
    );
    userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, preSignUp);
    this.functions.set(identityTriggers.preSignUp.name, preSignUp);

    const preTokenGeneration = new TwinspaceFunction(this, {
      handler: identityTriggers.preTokenGeneration,
      environment: {},
      timeout: Duration.seconds(5),
    });
    // V1_0: the event the Lite feature plan offers (V2_0 and V3_0 need Essentials or Plus).
    userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preTokenGeneration, LambdaVersion.V1_0);
    // Outside the role's default policy, which the function depends on: the pool depends on the function.
    new Policy(this, 'pre-token-generation-pool-read', {
      roles: [preTokenGeneration.role as Role],
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['cognito-idp:AdminGetUser'],
          resources: [userPool.userPoolArn],
        }),
      ],
    });
    this.functions.set(identityTriggers.preTokenGeneration.name, preTokenGeneration);
  }
}
