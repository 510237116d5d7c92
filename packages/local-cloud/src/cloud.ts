import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createDynamoClient, setDocumentClient } from '@jingzhun/platform/dynamo';
import { FILES_ENV, newLocalSecret } from '@jingzhun/platform/files';
import { functionId, resolveHandler, type ServiceManifest } from '@jingzhun/platform/manifest';
import { type SessionIssuer, setSessionIssuer } from '@jingzhun/platform/session';
import { defineTable, tableEnvVar } from '@jingzhun/platform/table';
import { onOutboxWritten } from '@jingzhun/platform/unit-of-work';
import { FileDeadLetters, LocalBus, MemoryDeadLetters, type Subscriber } from './bus.js';
import { DEMO_USERS } from './demo-users.js';
import { type DynamoLocal, startDynamoLocal } from './dynamodb-local.js';
import { localFileRoutes } from './files.js';
import { createGateway, type GatewayRoute, RateLimiter, sendError, sendJson } from './gateway.js';
import { createIdentity, type Identity } from './identity.js';
import { loadHandler } from './lambda-context.js';
import { LocalRelay } from './relay.js';
import { LocalScheduler, type ScheduledJob } from './scheduler.js';
import { dropTables, ensureTable } from './tables.js';
import { appPageFor } from './web.js';

/** The local runtime's own table: relay checkpoints and demo-data markers. */
export const localCloudTable = defineTable({ name: 'local-cloud', indexes: 0 });

export interface LocalCloudOptions {
  services: ServiceManifest[];
  port?: number;
  /** Persist DynamoDB Local data here; in memory when absent. */
  dataDir?: string;
  /** Reuse a running DynamoDB Local instead of starting one. */
  endpoint?: string;
  tablePrefix?: string;
  demo?: boolean;
  /** Requests per second per address on public routes (Infinity to switch off). */
  publicRatePerSecond?: number;
  publicBurst?: number;
  relayIntervalMs?: number;
  /** Delete this cloud's tables on stop (test clouds on a shared DynamoDB Local). */
  dropTablesOnStop?: boolean;
  /** 'manual': events move only on `drain()` (tests that look at the outbox before delivery). */
  relayMode?: 'auto' | 'manual';
  scheduler?: boolean;
  /** Extra HTTP handlers tried before the 404 (OpenAPI document, web pages). Return true when handled. */
  extraHandlers?: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean)[];
  staticDir?: string;
  log?: (line: string) => void;
}

export interface LocalCloud {
  url: string;
  port: number;
  endpoint: string;
  identity: Identity;
  bus: LocalBus;
  relay: LocalRelay;
  scheduler: LocalScheduler;
  tableName(service: string): string;
  /** The DynamoDB Local this cloud started (none when it was given an endpoint). */
  dynamoLocal(): DynamoLocal | undefined;
  /** Waits until every committed outbox event has been delivered. */
  drain(): Promise<void>;
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed ? parsed : {};
  } catch {
    return {};
  }
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? (() => undefined);
  const prefix = options.tablePrefix ?? '';
  let dynamoLocal: DynamoLocal | undefined;
  let endpoint = options.endpoint;
  let relayRef: LocalRelay | undefined;
  if (!endpoint) {
    const storage = options.dataDir ? { dbPath: join(options.dataDir, 'dynamodb') } : {};
    dynamoLocal = await startDynamoLocal(storage);
    endpoint = dynamoLocal.endpoint;
    log(`DynamoDB Local on ${endpoint}${options.dataDir ? ` (data in ${options.dataDir})` : ' (in memory)'}`);
    // Supervision: a DynamoDB Local that dies is started again on the same port and data, so
    // committed data and undelivered events survive (in memory there is nothing to keep).
    const supervise = (instance: DynamoLocal) =>
      instance.onUnexpectedExit((code) => {
        if (!options.dataDir) {
          console.error(`[local-cloud] DynamoDB Local exited (${code}); its in-memory data is gone`);
          return;
        }
        log(`DynamoDB Local exited (${code}); starting it again on port ${instance.port}`);
        void startDynamoLocal({ ...storage, port: instance.port }).then(
          (next) => {
            dynamoLocal = next;
            relayRef?.forgetPositions();
            supervise(next);
            log('DynamoDB Local is back; the relay resumes from its checkpoints');
          },
          (error) => console.error('[local-cloud] DynamoDB Local could not be started again:', error),
        );
      });
    supervise(dynamoLocal);
  }

  // Handlers run in this process: point them at DynamoDB Local and their tables.
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.JZ_VALIDATE_RESPONSES = '1';
  const physical = new Map<string, string>();
  for (const manifest of options.services) {
    physical.set(manifest.name, prefix + manifest.table.name);
    process.env[tableEnvVar(manifest.table)] = prefix + manifest.table.name;
  }
  const localTable = prefix + localCloudTable.name;
  // Uploaded evidence files: beside the data under npm start, a fresh folder in tests.
  const filesDir = options.dataDir ? join(options.dataDir, 'files') : mkdtempSync(join(tmpdir(), 'jz-files-'));
  const filesSecret = newLocalSecret();
  process.env[FILES_ENV.localDir] = filesDir;
  process.env[FILES_ENV.localSecret] = filesSecret;
  const localFiles = localFileRoutes(filesDir, filesSecret);
  setDocumentClient(undefined);
  const dynamo = createDynamoClient(endpoint);
  const documents = createDocumentClient(endpoint);
  for (const manifest of options.services) await ensureTable(dynamo, manifest.table, physical.get(manifest.name) as string);
  await ensureTable(dynamo, localCloudTable, localTable);

  const identity = await createIdentity(options.dataDir ? join(options.dataDir, 'dev-signing-key.json') : undefined);
  // Tokens for sign-ins the back end checks itself (the mini-program's WeChat binding), signed like /dev/login's.
  const sessionIssuer: SessionIssuer = (claims) =>
    identity.sign({
      username: claims.sub,
      name: claims.name,
      role: claims.role,
      region: claims.region,
      ...(claims.department ? { department: claims.department } : {}),
      ...(claims.bankId ? { bankId: claims.bankId } : {}),
    });
  setSessionIssuer(sessionIssuer);

  const routes: GatewayRoute[] = [];
  const subscribers: Subscriber[] = [];
  const jobs: ScheduledJob[] = [];
  for (const manifest of options.services) {
    for (const route of manifest.routes) {
      const { path, exportName } = resolveHandler(manifest, route.handler);
      routes.push({ service: manifest.name, contract: route.contract, path, exportName, functionName: functionId(manifest, route.handler) });
    }
    for (const subscription of manifest.subscriptions) {
      const { path, exportName } = resolveHandler(manifest, subscription.handler);
      subscribers.push({ service: manifest.name, event: subscription.event, path, exportName, functionName: functionId(manifest, subscription.handler) });
    }
    for (const job of manifest.jobs) {
      const { path, exportName } = resolveHandler(manifest, job.handler);
      jobs.push({
        service: manifest.name,
        name: job.name,
        schedule: job.schedule,
        path,
        exportName,
        functionName: functionId(manifest, job.handler),
        ...(job.onlyOn ? { onlyOn: job.onlyOn } : {}),
      });
    }
  }

  // Dead letters live beside the data (a file, readable while DynamoDB Local is down), so they survive a restart.
  const bus = new LocalBus(subscribers, undefined, options.dataDir ? new FileDeadLetters(join(options.dataDir, 'dead-letters.json')) : new MemoryDeadLetters());
  const relay = LocalRelay.create(endpoint, dynamo, documents, [...physical.values()], localTable, bus);
  relayRef = relay;
  const scheduler = new LocalScheduler(jobs);

  if (options.demo) {
    for (const manifest of options.services) {
      if (!manifest.demo) continue;
      const marker = { pk: `DEMO#${manifest.name}`, sk: 'DEMO' };
      const seen = await documents.send(new GetCommand({ TableName: localTable, Key: marker }));
      if (seen.Item) continue;
      const { path, exportName } = resolveHandler(manifest, manifest.demo);
      const seed = (await loadHandler(path, exportName)) as unknown as () => Promise<unknown>;
      const started = Date.now();
      const summary = await seed();
      const seeded = Date.now();
      await relay.drain();
      await documents.send(new PutCommand({ TableName: localTable, Item: { ...marker, entity: 'demo-marker', summary, at: new Date().toISOString() } }));
      // The times say where a slow start goes: the service's own writes, or its events' consumers.
      log(`demo data loaded for ${manifest.name} in ${seeded - started} ms (+${Date.now() - seeded} ms for its events): ${JSON.stringify(summary)}`);
    }
  }

  const gateway = createGateway({
    routes,
    identity,
    publicRateLimit: new RateLimiter(options.publicRatePerSecond ?? 50, options.publicBurst ?? 100),
  });

  async function devRoutes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    if (url.pathname === '/health') {
      sendJson(res, 200, { status: 'ok', services: options.services.map((manifest) => manifest.name) });
      return true;
    }
    if (!url.pathname.startsWith('/dev/')) return false;
    if (url.pathname === '/dev/users' && method === 'GET') {
      sendJson(res, 200, { items: DEMO_USERS });
      return true;
    }
    if (url.pathname === '/dev/login' && method === 'POST') {
      const body = await readJson(req);
      const user = DEMO_USERS.find((candidate) => candidate.username === body.username);
      if (!user) {
        sendError(res, 400, 'UNKNOWN_USER', '演示账号不存在，请查看 GET /dev/users');
        return true;
      }
      const signed = await identity.sign(user);
      sendJson(res, 200, { ...signed, user });
      return true;
    }
    if (url.pathname === '/dev/clock') {
      if (method === 'POST') {
        const body = await readJson(req);
        if (body.now === null) delete process.env.JZ_CLOCK_OFFSET_MS;
        else if (typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now))) process.env.JZ_CLOCK_OFFSET_MS = String(Date.parse(body.now) - Date.now());
        else if (typeof body.advanceDays === 'number') process.env.JZ_CLOCK_OFFSET_MS = String(Number(process.env.JZ_CLOCK_OFFSET_MS ?? 0) + body.advanceDays * 86_400_000);
        else {
          sendError(res, 400, 'VALIDATION_FAILED', '请提供 now（ISO 时间或 null）或 advanceDays');
          return true;
        }
      }
      sendJson(res, 200, { now: new Date(Date.now() + Number(process.env.JZ_CLOCK_OFFSET_MS ?? 0)).toISOString(), offsetMs: Number(process.env.JZ_CLOCK_OFFSET_MS ?? 0) });
      return true;
    }
    const jobMatch = /^\/dev\/jobs\/([\w-]+)\/([\w-]+)$/.exec(url.pathname);
    if (jobMatch && method === 'POST') {
      const [, service, name] = jobMatch as unknown as [string, string, string];
      if (!scheduler.find(service, name)) {
        sendError(res, 404, 'NOT_FOUND', '任务不存在');
        return true;
      }
      const body = await readJson(req);
      const run = await scheduler.run(service, name, body);
      await relay.drain();
      sendJson(res, run.ok ? 200 : 500, run);
      return true;
    }
    if (url.pathname === '/dev/jobs' && method === 'GET') {
      sendJson(res, 200, { jobs, history: scheduler.history });
      return true;
    }
    if (url.pathname === '/dev/events/drain' && method === 'POST') {
      await relay.drain();
      sendJson(res, 200, { delivered: bus.delivered, deadLetters: bus.deadLetters.length });
      return true;
    }
    if (url.pathname === '/dev/events/dead-letters' && method === 'GET') {
      sendJson(res, 200, { items: bus.deadLetters });
      return true;
    }
    if (url.pathname === '/dev/events/redrive' && method === 'POST') {
      const result = await bus.redrive();
      await relay.drain(); // what the redelivered consumers emitted is delivered too
      sendJson(res, 200, { ...result, deadLetters: bus.deadLetters.length });
      return true;
    }
    return false;
  }

  /** Top-level path segments of the API (and the dev routes): never answered with a page of the web. */
  const apiPrefixes = new Set(['dev', ...options.services.flatMap((manifest) => manifest.routes.map((route) => route.contract.path.split('/')[1] ?? ''))]);

  /** The built web: its files, and for any other page path the app's HTML (appPageFor: path URLs survive sharing). */
  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (!options.staticDir || (req.method ?? 'GET') !== 'GET') return false;
    // The local counterpart of the config.json the web stack deploys (infra/lib/web-stack.ts):
    // the API on the same origin, demo sign-in through POST /dev/login.
    if (url.pathname === '/config.json') {
      sendJson(res, 200, { apiBaseUrl: '', auth: 'dev' }, { 'cache-control': 'no-store' });
      return true;
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^(\.\.[/\\])+/, '');
    } catch {
      return false;
    }
    let file = join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir)) return false;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const page = appPageFor(url.pathname, { apiPrefixes, staffPage: existsSync(join(options.staticDir, 'staff/index.html')) });
      if (!page) return false;
      file = join(options.staticDir, page);
      if (!existsSync(file)) return false;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=300',
    });
    res.end(body);
    return true;
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (await gateway(req, res)) return;
        if (await devRoutes(req, res, url)) return;
        if (await localFiles(req, res, url)) return;
        for (const extra of options.extraHandlers ?? []) if (await extra(req, res)) return;
        if (serveStatic(req, res, url)) return;
        sendError(res, 404, 'ROUTE_NOT_FOUND', '接口不存在');
      } catch (error) {
        console.error('[local-cloud] request failed:', error);
        if (!res.headersSent) sendError(res, 500, 'INTERNAL', '服务器内部错误，请稍后再试');
        else res.end();
      }
    })();
  });
  server.keepAliveTimeout = 5000;
  // Requests Node's parser refuses (a URL or headers beyond 16 KB, broken HTTP) still get the
  // error envelope, as API Gateway answers them with a 4xx of its own.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify(tooLarge ? { code: 'REQUEST_TOO_LARGE', message: '请求地址或请求头过长' } : { code: 'BAD_REQUEST', message: '请求格式不正确' });
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.env[FILES_ENV.localUrl] = `http://localhost:${port}`;

  if (options.relayMode !== 'manual') {
    relay.start(options.relayIntervalMs ?? 200);
    onOutboxWritten(() => relay.nudge());
  }
  if (options.scheduler ?? true) scheduler.start();

  return {
    url: `http://localhost:${port}`,
    port,
    endpoint,
    identity,
    bus,
    relay,
    scheduler,
    tableName: (service) => physical.get(service) ?? '',
    dynamoLocal: () => dynamoLocal,
    drain: () => relay.drain(),
    async login(username) {
      const user = DEMO_USERS.find((candidate) => candidate.username === username);
      if (!user) throw new Error(`no demo user ${username}`);
      return (await identity.sign(user)).token;
    },
    async stop() {
      setSessionIssuer(undefined);
      onOutboxWritten(undefined);
      scheduler.stop();
      await relay.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.dropTablesOnStop) await dropTables(dynamo, [...physical.values(), localTable]);
      dynamo.destroy();
      documents.destroy();
      await dynamoLocal?.stop();
    },
  };
}
