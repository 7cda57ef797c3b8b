/**
 * Issue 11, "The site": CloudFront sends a Content-Security-Policy with
 * script-src 'self' and no inline allowance, connect-src limited to the API,
 * the chat, Cognito and storage, plus HSTS, Referrer-Policy,
 * Permissions-Policy and X-Content-Type-Options; `/_astro/*` is immutable for
 * a year and HTML and config.json are no-cache, for the viewer (response
 * headers policies) and for CloudFront's own cache (the objects' metadata).
 * One synth without bundling, with the README's deploy context.
 */
import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: any };

let synthesized: Synthesized;
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: false, context: readmeDeployContext });
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
}, 300_000);
afterAll(() => synthesized?.cleanup());

const logicalId = (element: unknown) => synthesized.stack.getLogicalId((element as { node: { defaultChild: CfnElement } }).node.defaultChild);
const distribution = () => Object.values(resources).find((resource) => resource.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
const policyConfig = (id: string) => resources[id].Properties.ResponseHeadersPolicyConfig;

/** A Fn::Join of the template as one readable string: `{Ref:X}` and `{X.Attr}` where CloudFormation puts a value. */
function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  const object = value as Record<string, any>;
  if (object['Fn::Join']) return (object['Fn::Join'][1] as unknown[]).map(readable).join(object['Fn::Join'][0]);
  if (object.Ref) return `{Ref:${object.Ref}}`;
  if (object['Fn::GetAtt']) return `{${object['Fn::GetAtt'].join('.')}}`;
  throw new Error(`Unexpected template value ${JSON.stringify(value)}`);
}

/** The CSP as directive name → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The headers policy of a cache behavior: the default one, or the one for a path pattern. */
function behaviorPolicy(pathPattern?: string): string {
  const config = distribution();
  const behavior = pathPattern ? config.CacheBehaviors.find((candidate: { PathPattern: string }) => candidate.PathPattern === pathPattern) : config.DefaultCacheBehavior;
  expect(behavior, `a cache behavior for ${pathPattern ?? 'the default'}`).toBeDefined();
  return behavior.ResponseHeadersPolicyId.Ref;
}

describe('the headers CloudFront sends', () => {
  it('every behavior has our own headers policy (not a managed one)', () => {
    const config = distribution();
    const behaviors = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    for (const behavior of behaviors) {
      expect(behavior.ResponseHeadersPolicyId.Ref, behavior.PathPattern ?? 'default').toBeDefined();
      expect(resources[behavior.ResponseHeadersPolicyId.Ref].Type).toBe('AWS::CloudFront::ResponseHeadersPolicy');
    }
  });

  it.each([['pages', undefined], ['bundles', '_astro/*']] as const)('%s: a CSP with scripts and styles from the site only, nothing inline, no plug-ins, no framing', (_name, pattern) => {
    const security = policyConfig(behaviorPolicy(pattern)).SecurityHeadersConfig;
    expect(security.ContentSecurityPolicy.Override).toBe(true);
    const csp = readable(security.ContentSecurityPolicy.ContentSecurityPolicy);
    const policy = directives(csp);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    expect(csp).not.toMatch(/unsafe-|'sha(256|384|512)-|'nonce-|data:|blob:|(^|\s)\*(\s|;|$)|https?:(\s|;|$)/);
    // CloudFront's limit for the whole policy, with room for the values filled in at deploy time.
    expect(csp.length).toBeLessThan(1_500);
  });

  it('connect-src: the site, the HTTP API, the chat, Cognito and the storage of the stack’s region, nothing else', () => {
    const chatApiId = logicalId(synthesized.stack.chatApi.api);
    // The deploy region, whether the template names it (-c region=…) or leaves it to the deployment (AWS::Region).
    const csp = readable(policyConfig(behaviorPolicy()).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy)
      .replaceAll('{Ref:AWS::Region}', '<region>')
      .replaceAll(readmeDeployContext.region, '<region>');
    const connect = directives(csp).get('connect-src');
    expect(connect).toEqual([
      "'self'",
      'https://*.execute-api.<region>.amazonaws.com',
      `wss://{Ref:${chatApiId}}.execute-api.<region>.{Ref:AWS::URLSuffix}`,
      'https://cognito-idp.<region>.amazonaws.com',
      'https://*.s3.<region>.amazonaws.com',
    ]);
    const images = directives(csp).get('img-src');
    expect(images).toEqual(["'self'", 'https://*.s3.<region>.amazonaws.com']);
  });

  it.each([['pages', undefined], ['bundles', '_astro/*']] as const)('%s: HSTS (a year or more), Referrer-Policy, Permissions-Policy, nosniff, no framing', (_name, pattern) => {
    const config = policyConfig(behaviorPolicy(pattern));
    const security = config.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(security.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
    expect(['strict-origin-when-cross-origin', 'no-referrer']).toContain(security.ReferrerPolicy.ReferrerPolicy);
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    const permissions = config.CustomHeadersConfig.Items.find((item: { Header: string }) => item.Header === 'Permissions-Policy');
    expect(permissions.Override).toBe(true);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions.Value).toContain(`${feature}=()`);
    // The video players need these: they are not switched off.
    expect(permissions.Value).not.toMatch(/fullscreen|picture-in-picture|encrypted-media/);
  });
});

describe('caching', () => {
  const cacheControlOf = (policyId: string) =>
    policyConfig(policyId).CustomHeadersConfig.Items.find((item: { Header: string }) => item.Header === 'Cache-Control');

  it('viewers get /_astro/* as immutable for a year, and everything else (HTML, config.json) as no-cache', () => {
    expect(cacheControlOf(behaviorPolicy('_astro/*'))).toEqual({ Header: 'Cache-Control', Value: 'public, max-age=31536000, immutable', Override: true });
    expect(cacheControlOf(behaviorPolicy())).toEqual({ Header: 'Cache-Control', Value: 'no-cache', Override: true });
    expect(distribution().CacheBehaviors.map((behavior: { PathPattern: string }) => behavior.PathPattern)).toEqual(['_astro/*']);
  });

  it('the objects carry the same Cache-Control, so CloudFront’s own cache follows it; the bundles arrive before the pages naming them', () => {
    const deployments = Object.entries(resources).filter(([, resource]) => resource.Type === 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const assets = deployments.find(([, deployment]) => deployment.Properties.Include)!;
    const pages = deployments.find(([, deployment]) => !deployment.Properties.Include)!;
    expect(assets[1].Properties).toMatchObject({
      Exclude: ['*'],
      Include: ['_astro/*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      // Bundles of the last deploy stay for pages still open (their lazy chunks); their names never repeat.
      Prune: false,
    });
    expect(pages[1].Properties).toMatchObject({
      Exclude: ['_astro/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
    expect(pages[1].Properties.Prune).not.toBe(false);
    // config.json is among the second one's sources (the generated JSON).
    expect(pages[1].Properties.SourceObjectKeys).toHaveLength(2);
    const template = Template.fromStack(synthesized.stack).toJSON();
    expect([template.Resources[pages[0]].DependsOn].flat()).toContain(assets[0]);
  });
});
