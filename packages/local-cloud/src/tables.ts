import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type DynamoDBClient, ResourceInUseException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { indexNames, type TableDef, TTL_ATTRIBUTE } from '@jingzhun/platform/table';

/**
 * Creates a table from its definition (the same one CDK uses), with a stream of new images as every
 * table of the system has (the outbox relay reads it); `stream: false` only for diagnostics that
 * measure what the stream costs DynamoDB Local.
 */
export async function ensureTable(client: DynamoDBClient, def: TableDef, physicalName: string, options: { stream?: boolean } = {}): Promise<void> {
  const indexes = indexNames(def);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: physicalName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          ...indexes.flatMap((index) => [
            { AttributeName: index.pk, AttributeType: 'S' as const },
            { AttributeName: index.sk, AttributeType: 'S' as const },
          ]),
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.length
          ? indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.pk, KeyType: 'HASH' as const },
                { AttributeName: index.sk, KeyType: 'RANGE' as const },
              ],
              Projection: { ProjectionType: 'ALL' as const },
            }))
          : undefined,
        ...(options.stream === false ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' as const } }),
      }),
    );
    await client.send(new UpdateTimeToLiveCommand({ TableName: physicalName, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } }));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: physicalName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`table ${physicalName} did not become active`);
}

/**
 * Deletes tables (and their streams). Tests drop what they made: DynamoDB Local keeps every
 * table's stream in one SQLite queue, and its background shard jobs slow down as streams pile up.
 */
export async function dropTables(client: DynamoDBClient, physicalNames: string[]): Promise<void> {
  for (const name of physicalNames) {
    try {
      await client.send(new DeleteTableCommand({ TableName: name }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
    }
  }
}
