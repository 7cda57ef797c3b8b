/**
 * Every IAM role of a synthesised template, with what it may do, as readable
 * lines: `<action> on <resource>[ if <condition>]`, where a resource of the
 * stack is named by its construct path (e.g. `Storage/Table.Arn`) and
 * CloudFormation's pseudo parameters by name. A role's lines come from every
 * policy attached to it (its default policy, separate policies) and its
 * managed policies. tests/infra/roles.test.ts compares them with the list
 * expected.
 */
type Resource = { Type: string; Properties: any; Metadata?: Record<string, any> };

const stackPrefix = /^Twinspace\//;

export function rolesRights(resources: Record<string, Resource>): Record<string, string[]> {
  const pathOf = (logicalId: string) =>
    String(resources[logicalId]?.Metadata?.['aws:cdk:path'] ?? logicalId)
      .replace(stackPrefix, '')
      .replace(/\/Resource$/, '');
  const render = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(render).join(',');
    const object = value as Record<string, any>;
    if ('Ref' in object) return String(object.Ref).startsWith('AWS::') ? `\${${object.Ref}}` : `\${${pathOf(object.Ref)}}`;
    if ('Fn::GetAtt' in object) return `\${${pathOf(object['Fn::GetAtt'][0])}.${object['Fn::GetAtt'][1]}}`;
    if ('Fn::Join' in object) return (object['Fn::Join'][1] as unknown[]).map(render).join(object['Fn::Join'][0]);
    return JSON.stringify(object);
  };
  const rights: Record<string, string[]> = {};
  for (const [roleId, role] of Object.entries(resources)) {
    if (role.Type !== 'AWS::IAM::Role') continue;
    const lines: string[] = [];
    for (const managed of role.Properties.ManagedPolicyArns ?? []) lines.push(`managed ${render(managed).replace(/^.*:policy\//, '')}`);
    const statements = Object.values(resources)
      .filter((policy) => policy.Type === 'AWS::IAM::Policy' && (policy.Properties.Roles ?? []).some((ref: { Ref?: string }) => ref.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[]);
    for (const statement of statements) {
      const condition = statement.Condition ? ` if ${JSON.stringify(statement.Condition)}` : '';
      for (const action of [statement.Action].flat()) {
        for (const resource of [statement.Resource].flat()) lines.push(`${statement.Effect === 'Allow' ? '' : 'DENY '}${action} on ${render(resource)}${condition}`);
      }
    }
    rights[pathOf(roleId)] = [...new Set(lines)].sort();
  }
  return rights;
}
