import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '@jingzhun/platform/dynamo';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The Java process (tests kill it to prove a restart loses nothing committed). */
  pid: number;
  /** Called once when the process exits without `stop()` having been called. */
  onUnexpectedExit(listener: (code: number | null) => void): void;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor() {
    super('DynamoDB Local needs a Java runtime ≥ 11: install one (Debian/Ubuntu: apt-get install -y default-jre-headless) and run again.');
  }
}

/** The DynamoDB Local jar shipped inside the npm package amplify-dynamodb-simulator. */
export function emulatorDirectory(): string {
  const require = createRequire(import.meta.url);
  const directory = join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
  if (!existsSync(join(directory, 'DynamoDBLocal.jar'))) throw new Error(`DynamoDBLocal.jar not found in ${directory}; run npm ci`);
  return directory;
}

export function javaVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts DynamoDB Local: `-inMemory` for tests, `-dbPath` for `npm start` so data survives a restart.
 * `-sharedDb` makes every credential and region see the same tables.
 */
export async function startDynamoLocal(options: { dbPath?: string; port?: number } = {}): Promise<DynamoLocal> {
  const version = javaVersion();
  if (version === undefined || version < 11) throw new JavaMissingError();
  const directory = emulatorDirectory();
  const port = options.port ?? (await freePort());
  // Absolute: the process runs in another working directory (below), where a relative path would point elsewhere.
  const dbPath = options.dbPath && resolvePath(options.dbPath);
  const storage = dbPath ? ['-dbPath', dbPath] : ['-inMemory'];
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child: ChildProcess = spawn(
    'java',
    [
      '-Xms256m',
      '-Xmx2g',
      `-Djava.library.path=${join(directory, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(directory, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    // DynamoDB Local 1.25.1 writes dynamodb-local-metadata.json into its working directory even with
    // -disableTelemetry: run it next to its data (or in the temp dir), not in the caller's checkout.
    { cwd: dbPath ?? tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createDynamoClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not start within 30 s: ${output.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  client.destroy();
  let stopping = false;
  return {
    endpoint,
    port,
    pid: child.pid as number,
    onUnexpectedExit: (listener) => {
      child.once('exit', (code) => {
        if (!stopping) listener(code);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
