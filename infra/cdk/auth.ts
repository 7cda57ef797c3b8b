/**
 * Who may sign in: one user pool, the site's app client (USER_PASSWORD_AUTH,
 * as the site and the local stack sign in) and the seven groups.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, Mfa, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { cognitoGroups } from '../../functions/domain/twinspace-types.ts';
import { passwordPolicy } from '../../functions/domain/password-policy.ts';

export class TwinspaceAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Pupils have plain usernames and often no e-mail address, so the
      // username is the sign-in name (an e-mail alias would forbid usernames
      // shaped like addresses, which teachers' are).
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: false, mutable: true } },
      // Teachers sign up themselves (POST /registrations → Cognito SignUp), and
      // stay UNCONFIRMED until the NSS of their country validates them
      // (AdminConfirmSignUp). No attribute is auto-verified, so Cognito sends no
      // confirmation code a teacher could use to confirm themselves; the
      // validation marks the e-mail verified (account recovery needs that).
      selfSignUpEnabled: true,
      autoVerify: { email: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: passwordPolicy.minLength,
        requireLowercase: passwordPolicy.requireLowercase,
        requireUppercase: passwordPolicy.requireUppercase,
        requireDigits: passwordPolicy.requireDigits,
        requireSymbols: passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(passwordPolicy.temporaryPasswordValidityDays),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'Most accounts are pupils aged 6-18 on shared school devices, who cannot hold a second factor; MFA (TOTP) is offered to every account, and the API requires it of NSS officers and evaluators (403 MFA_REQUIRED until their ID token shows it, functions/lib/claims.ts).',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        "The Plus feature plan (threat protection) is billed per active user; the Essentials plan's password policy and optional TOTP fit a free-to-schools service at this stage.",
    });
    this.client = this.userPool.addClient('SiteClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    for (const groupName of cognitoGroups) {
      this.userPool.addGroup(`Group-${groupName}`, { groupName });
    }
  }
}
