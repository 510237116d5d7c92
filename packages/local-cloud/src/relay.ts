import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { outboxEnvelopes } from '@jingzhun/platform/relay';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { LocalBus } from './bus.js';

const SHARD_REFRESH_MS = 5_000;
const NUDGE_DELAY_MS = 10;

/**
 * The local adapter of the outbox relay: reads each service table's stream from DynamoDB Local
 * (as the cloud's stream-triggered relay does) and publishes new outbox items to the local bus.
 * Positions are checkpointed per shard and page in the local-cloud table, so a restart resumes
 * where it stopped; consumers are idempotent, so a record read twice has no second effect.
 */
export class LocalRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly iterators = new Map<string, string>();
  private readonly finished = new Set<string>();
  /** Stream ARNs and shard lists, re-read at most every SHARD_REFRESH_MS (and on every drain). */
  private readonly streamArns = new Map<string, string | undefined>();
  private readonly shardLists = new Map<string, { shards: Shard[]; readAt: number }>();
  private stopped = true;

  constructor(
    private readonly streams: DynamoDBStreamsClient,
    private readonly dynamo: DynamoDBClient,
    private readonly documents: DynamoDBDocumentClient,
    private readonly tables: string[],
    private readonly checkpointTable: string,
    private readonly bus: LocalBus,
  ) {}

  static create(endpoint: string, dynamo: DynamoDBClient, documents: DynamoDBDocumentClient, tables: string[], checkpointTable: string, bus: LocalBus): LocalRelay {
    const streams = new DynamoDBStreamsClient({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    return new LocalRelay(streams, dynamo, documents, tables, checkpointTable, bus);
  }

  /**
   * Polls every stream: soon after a commit that wrote outbox items (see `nudge`), otherwise at
   * `intervalMs`, backing off to `idleMaxMs` while nothing arrives (an idle poll still costs
   * DynamoDB Local a request per shard).
   */
  start(intervalMs = 200, idleMaxMs = 2_000): void {
    this.stopped = false;
    let idleDelay = intervalMs;
    let failing = false;
    const tick = async () => {
      this.timer = undefined;
      if (this.stopped) return;
      let found = 0;
      try {
        found = await this.pollOnce();
        if (failing) console.error('[relay] polling again');
        failing = false;
      } catch (error) {
        // One line per outage (DynamoDB Local restarting, say), not one per poll.
        if (!failing) console.error('[relay] poll failed; retrying until it succeeds:', error);
        failing = true;
      }
      idleDelay = found > 0 ? intervalMs : Math.min(idleMaxMs, idleDelay * 2);
      if (!this.stopped) this.schedule(found > 0 ? 0 : idleDelay);
    };
    this.tick = tick;
    this.schedule(0);
  }

  /** A commit wrote outbox items: poll within a few milliseconds (coalescing a burst of commits). */
  nudge(): void {
    if (!this.stopped) this.schedule(NUDGE_DELAY_MS);
  }

  private tick: (() => Promise<void>) | undefined;
  private dueAt = Number.POSITIVE_INFINITY;

  private schedule(delayMs: number): void {
    const due = Date.now() + delayMs;
    if (this.timer && due >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => void this.tick?.(), delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Drops what the relay holds in memory about stream positions (iterators, shard lists), so the
   * next poll starts again from the checkpoints: after DynamoDB Local restarted, its iterators are gone.
   */
  forgetPositions(): void {
    this.iterators.clear();
    this.finished.clear();
    this.shardLists.clear();
    this.streamArns.clear();
  }

  /** Polls until a whole round finds no new record: every committed event has been delivered. */
  async drain(maxRounds = 200): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      if ((await this.pollOnce(true)) === 0) return;
    }
    throw new Error('relay did not drain');
  }

  /** One pass over every shard of every table; returns the number of records read. */
  pollOnce(refreshShards = false): Promise<number> {
    const previous = this.running ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => this.poll(refreshShards));
    this.running = next;
    return next;
  }

  private async poll(refreshShards: boolean): Promise<number> {
    let count = 0;
    for (const table of this.tables) {
      const streamArn = await this.streamArnOf(table, refreshShards);
      if (!streamArn) continue;
      const shards = await this.shardsOf(streamArn, refreshShards);
      const ids = new Set(shards.map((shard) => shard.ShardId));
      for (const shard of shards) {
        const shardKey = `${streamArn}|${shard.ShardId}`;
        if (this.finished.has(shardKey)) continue;
        if (shard.ParentShardId && ids.has(shard.ParentShardId) && !this.finished.has(`${streamArn}|${shard.ParentShardId}`)) continue;
        count += await this.readShard(streamArn, shard, shardKey);
      }
    }
    return count;
  }

  private async streamArnOf(table: string, refresh: boolean): Promise<string | undefined> {
    if (refresh || !this.streamArns.has(table)) {
      const { Table } = await this.dynamo.send(new DescribeTableCommand({ TableName: table }));
      this.streamArns.set(table, Table?.LatestStreamArn);
    }
    return this.streamArns.get(table);
  }

  /** The idle poll re-lists shards only now and then: listing them is the costly part of a pass. */
  private async shardsOf(streamArn: string, refresh: boolean): Promise<Shard[]> {
    const cached = this.shardLists.get(streamArn);
    if (!refresh && cached && Date.now() - cached.readAt < SHARD_REFRESH_MS) return cached.shards;
    const shards = await this.listShards(streamArn);
    this.shardLists.set(streamArn, { shards, readAt: Date.now() });
    return shards;
  }

  private async listShards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  private async readShard(streamArn: string, shard: Shard, shardKey: string): Promise<number> {
    let iterator = this.iterators.get(shardKey) ?? (await this.iteratorFor(streamArn, shard, shardKey));
    let count = 0;
    let refreshed = false;
    for (let page = 0; page < 50 && iterator; page++) {
      let result: GetRecordsCommandOutput;
      try {
        result = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        // A cached iterator went stale (DynamoDB Local reports some as trimmed): start again from
        // the checkpoint, once per pass.
        if ((error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) && !refreshed) {
          refreshed = true;
          this.iterators.delete(shardKey);
          iterator = await this.iteratorFor(streamArn, shard, shardKey);
          page--;
          continue;
        }
        throw error;
      }
      const records = result.Records ?? [];
      if (records.length > 0) {
        // The checkpoint follows the page: after a crash the page is delivered again, and the
        // consumers' idempotency marks make the repeat harmless.
        await this.bus.publishAll(outboxEnvelopes(records as unknown as DynamoDBStreamEvent['Records']).map(({ envelope }) => envelope));
        const last = records[records.length - 1]?.dynamodb?.SequenceNumber;
        if (last) await this.saveCheckpoint(shardKey, last);
        count += records.length;
      }
      iterator = result.NextShardIterator;
      if (!iterator) {
        this.finished.add(shardKey);
        this.iterators.delete(shardKey);
        this.shardLists.delete(streamArn); // its child shard is to be found
        return count;
      }
      this.iterators.set(shardKey, iterator);
      if (records.length === 0) break;
    }
    return count;
  }

  private async iteratorFor(streamArn: string, shard: Shard, shardKey: string): Promise<string | undefined> {
    const checkpoint = await this.documents.send(new GetCommand({ TableName: this.checkpointTable, Key: { pk: `CHECKPOINT#${shardKey}`, sk: 'CHECKPOINT' } }));
    const sequence = checkpoint.Item?.sequence as string | undefined;
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.ShardId,
        ...(sequence ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequence } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  private async saveCheckpoint(shardKey: string, sequence: string): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.checkpointTable, Item: { pk: `CHECKPOINT#${shardKey}`, sk: 'CHECKPOINT', entity: 'checkpoint', sequence } }));
  }
}
