/**
 * How cdk-nag spells a region inside an IAM5 finding: the region itself
 * (twinspace-app.ts always gives the stack one: eu-west-1 or `-c region=`),
 * or `<AWS::Region>` for a region-agnostic stack. Acknowledgements name the
 * finding with this, so they hold in any region instead of silently missing.
 */
import { Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function regionInFinding(scope: IConstruct): string {
  const region = Stack.of(scope).region;
  return Token.isUnresolved(region) ? '<AWS::Region>' : region;
}
