/**
 * What the local stack's first start must have made (DESIGN.md, API.md): the
 * endpoints in the published shape, the table with its index and TTL, the
 * user pool's seven groups and app client, the site's /config.json, the mail store.
 */
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand, ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { cognitoGroups } from '../../functions/domain/twinspace-types.ts';
import { siteConfigOf } from '../../infra/local/endpoints.ts';

const endpoints = inject('endpoints');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('the endpoints', () => {
  it('have exactly the shape API.md shows', () => {
    expect(Object.keys(endpoints).sort()).toEqual(['api', 'bucket', 'chat', 'cognito', 'dynamodb', 'mail', 'region', 'storage', 'table', 'web']);
    expect(endpoints).toMatchObject({
      api: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      chat: expect.stringMatching(/^ws:\/\/localhost:\d+$/),
      web: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      mail: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      dynamodb: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      storage: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      bucket: 'twinspace-materials',
      table: 'Twinspace',
      region: 'eu-west-1',
      cognito: { endpoint: expect.stringMatching(/^http:\/\/localhost:\d+$/), userPoolId: expect.any(String), clientId: expect.any(String) },
    });
    expect(Object.keys(endpoints.cognito).sort()).toEqual(['clientId', 'endpoint', 'userPoolId']);
    expect(endpoints.cognito.userPoolId).not.toBe('');
  });
});

describe('the first start', () => {
  it('created the table with GSI1 and GSI2 (the author index), the expiresAt TTL and its stream of new images', async () => {
    const dynamodb = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials });
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: endpoints.table }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['GSI1', 'GSI2']);
    expect(Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(Table?.LatestStreamArn).toBeDefined();
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: endpoints.table }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });

  it('created the seven groups and an app client that allows USER_PASSWORD_AUTH', async () => {
    const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito.endpoint, region: endpoints.region, credentials });
    const { Groups } = await cognito.send(new ListGroupsCommand({ UserPoolId: endpoints.cognito.userPoolId }));
    expect(Groups?.map((group) => group.GroupName).sort()).toEqual([...cognitoGroups].sort());
    const { UserPoolClient } = await cognito.send(
      new DescribeUserPoolClientCommand({ UserPoolId: endpoints.cognito.userPoolId, ClientId: endpoints.cognito.clientId }),
    );
    expect(UserPoolClient?.ExplicitAuthFlows).toContain('ALLOW_USER_PASSWORD_AUTH');
  });
});

describe('the other local services', () => {
  it('serve the site configuration as /config.json', async () => {
    const response = await fetch(`${endpoints.web}/config.json`);
    expect(await response.json()).toEqual(siteConfigOf(endpoints));
  });

  it('keep every sent mail readable at the mail store', async () => {
    const response = await fetch(`${endpoints.mail}/store`);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('emails');
  });
});
