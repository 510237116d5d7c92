import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let shared: DynamoDBDocumentClient | undefined;

/**
 * The DynamoDB document client, configured from the environment: `DYNAMODB_ENDPOINT` points at
 * DynamoDB Local in development and tests. Created once per process (outside the handler).
 */
export function documentClient(): DynamoDBDocumentClient {
  if (!shared) shared = createDocumentClient(process.env.DYNAMODB_ENDPOINT);
  return shared;
}

/**
 * The low-level DynamoDB client with the project's configuration: `endpoint` for DynamoDB Local
 * (any credentials will do there). Table administration (create, delete, describe) needs it; data
 * goes through the document client below.
 */
export function createDynamoClient(endpoint?: string, extra: DynamoDBClientConfig = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = {
    region: process.env.AWS_REGION ?? 'cn-north-1',
    maxAttempts: 5,
    ...extra,
  };
  if (endpoint) {
    config.endpoint = endpoint;
    // DynamoDB Local accepts any credentials.
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new DynamoDBClient(config);
}

export function createDocumentClient(endpoint?: string, extra: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(endpoint, extra), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Replaces the shared client (tests, local-cloud restarts). */
export function setDocumentClient(client: DynamoDBDocumentClient | undefined): void {
  shared = client;
}
