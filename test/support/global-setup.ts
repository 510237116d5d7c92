import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../packages/local-cloud/src/dynamodb-local.js';

/** Starts one in-memory DynamoDB Local for the whole run; tests isolate by table prefix. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
