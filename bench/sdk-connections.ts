/**
 * The SDK's @connections client, as the chat posted through before it moved
 * to the small signed client of functions/lib/connections-api.ts: the bench
 * keeps it to compare (README, "Fan-out"). A pool of `maxSockets` sockets.
 */
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { clientLimits } from '../functions/lib/clients.ts';

export const connectionsPool = { maxSockets: 50 } as const;

export function newConnectionsClient(endpoint: string, pool: { maxSockets: number } = connectionsPool): ApiGatewayManagementApiClient {
  const agent = { keepAlive: true, maxSockets: pool.maxSockets };
  return new ApiGatewayManagementApiClient({
    region: process.env.AWS_REGION ?? 'eu-west-1',
    endpoint,
    maxAttempts: clientLimits.maxAttempts,
    requestHandler: { ...clientLimits.requestHandler, httpAgent: agent, httpsAgent: agent },
  });
}
