/**
 * cdk-nag 3 (AwsSolutions) runs as a CDK policy-validation plugin: an
 * unacknowledged finding, error or warning, makes synth throw with the report.
 * Bundling is skipped here: the rules read the template, not the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { buildTwinspace, readmeDeployContext, validationReport, type Synthesized } from './synth.ts';

describe('cdk-nag AwsSolutions on the Twinspace stack', () => {
  let synthesized: Synthesized;

  beforeAll(() => {
    synthesized = buildTwinspace({ bundle: false });
    synthesized.app.synth();
  }, 120_000);
  afterAll(() => synthesized?.cleanup());

  it('synthesizes with no unacknowledged error or warning', () => {
    const nagReports = validationReport(synthesized.outdir).filter((report) => report.pluginName === 'AwsSolutions');
    const open = nagReports.flatMap((report) =>
      report.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`),
    );
    expect(open).toEqual([]);
  });

  it('gives every acknowledged finding a reason', () => {
    const resources = Template.fromStack(synthesized.stack).toJSON().Resources as Record<string, { Metadata?: any }>;
    const acknowledged = Object.entries(resources)
      .flatMap(([logicalId, resource]) =>
        (resource.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule: { id: string; reason: string }) => ({
          logicalId,
          ...rule,
        })),
      )
      // CDK acknowledges some of its own CloudFormation-Validate rules; ours are the AwsSolutions ones.
      .filter((rule) => rule.id.includes('AwsSolutions-'));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const rule of acknowledged) {
      expect(rule.reason.length, `${rule.logicalId} ${rule.id}`).toBeGreaterThan(30);
    }
  });

  it('synthesizes the README\'s deploy command (its exact context) with no unacknowledged finding: acknowledgements hold in any region', () => {
    // The README's command, and the same in another EU region.
    for (const context of [readmeDeployContext, { ...readmeDeployContext, region: 'eu-central-1' }]) {
      const deployed = buildTwinspace({ bundle: false, context });
      try {
        deployed.app.synth();
        const open = validationReport(deployed.outdir)
          .filter((report) => report.pluginName === 'AwsSolutions')
          .flatMap((report) => report.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`));
        expect(open, context.region).toEqual([]);
        expect(deployed.stack.region).toBe(context.region);
      } finally {
        deployed.cleanup();
      }
    }
  });

  it('fails synth on a new finding (the checks are wired to the app)', () => {
    const planted = buildTwinspace({
      bundle: false,
      // A bucket with no SSL enforcement and no access logs.
      modify: (stack) => new Bucket(stack, 'PlantedBucket'),
    });
    try {
      expect(() => planted.app.synth()).toThrow(/AwsSolutions-S10/);
    } finally {
      planted.cleanup();
    }
  });
});
