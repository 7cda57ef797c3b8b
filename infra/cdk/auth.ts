/**
 * Who may sign in: one user pool on the Lite feature plan, the site's app
 * client (USER_PASSWORD_AUTH and SRP, as the site and the local stack sign in;
 * no OAuth) and the seven groups. Cognito's own e-mails (password recovery)
 * go through SES from the stack's sender. The pool's triggers are
 * identity-triggers.ts.
 */
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, UserPoolClient, UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { cognitoGroups } from '../../functions/domain/twinspace-types.ts';
import { passwordPolicy } from '../../functions/domain/password-policy.ts';

export interface TwinspaceAuthProps {
  /** The platform's sender (the stack's mailFrom); its domain must be a verified SES identity in the stack's region. */
  mailFrom: string;
}

export class TwinspaceAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: TwinspaceAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Lite covers what Twinspace uses (password sign-in, TOTP, Lambda triggers with the V1_0 token event) at
      // about a third of Essentials' price per monthly active user (issue 11: ~$1,400 instead of ~$4,350 a month at 300,000 users).
      featurePlan: FeaturePlan.LITE,
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
      // Optional at pool level (pupils cannot hold a second factor); NSS officers and evaluators must enrol TOTP:
      // the API answers them 403 mfa-required until their ID token says so (PreTokenGeneration, functions/lib/claims.ts).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Cognito's own e-mails (password recovery codes) from the platform's sender, through SES, not Cognito's
      // shared sender with its 50-a-day limit. The identity is the sender's domain, as for the scheduled jobs.
      email: UserPoolEmail.withSES({
        fromEmail: props.mailFrom,
        fromName: 'Twinspace',
        sesRegion: Aws.REGION,
        sesVerifiedDomain: props.mailFrom.split('@')[1],
      }),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG1',
      reason:
        'Most accounts are pupils aged 6-18: the one policy of the pool is one a ten-year-old can meet (8 characters or more, any mix; functions/domain/password-policy.ts). Staff accounts are protected by required TOTP, not by symbols in a child\'s password.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'Most accounts are pupils aged 6-18 on shared school devices, who cannot hold a second factor; MFA (TOTP) is offered to every account, and the API requires it of NSS officers and evaluators (403 MFA_REQUIRED until their ID token shows it, functions/lib/claims.ts).',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The pool runs on the Lite feature plan: threat protection needs Plus, billed per monthly active user, which a free-to-schools service with ~300,000 pupils cannot carry. Staff accounts use required TOTP; sign-ups are limited per network and need a ticket from the API (PreSignUp).',
    });
    this.client = this.userPool.addClient('SiteClient', {
      authFlows: { userPassword: true, userSrp: true },
      // The site signs in with the API calls above: no hosted UI, no OAuth flow, no callback URL.
      disableOAuth: true,
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
