import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../packages/local-cloud/src/dynamodb-local.js';

/** Starts one in-memory DynamoDB Local for the whole run; tests isolate by table prefix. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
