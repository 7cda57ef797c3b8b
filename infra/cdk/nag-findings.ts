/**
 * How cdk-nag spells a region inside an IAM5 finding: `<AWS::Region>` while
 * the stack is region-agnostic, the region itself once `-c region=` sets it
 * (the README's deploy command). Acknowledgements name the finding with this,
 * so they hold in any region instead of silently missing.
 */
import { Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function regionInFinding(scope: IConstruct): string {
  const region = Stack.of(scope).region;
  return Token.isUnresolved(region) ? '<AWS::Region>' : region;
}
