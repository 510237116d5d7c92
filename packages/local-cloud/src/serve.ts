import { resolve } from 'node:path';
import { openApiHandler } from '@jingzhun/platform/openapi';
import { services } from '../../../services/registry.js';
import { JavaMissingError, javaVersion, startLocalCloud } from './index.js';
import { buildWeb, webBuildIsStale } from './web.js';

/** `npm start`: the whole system on http://localhost:3000 over DynamoDB Local with demo data. */
const root = resolve(import.meta.dirname, '../../..');
const port = Number(process.env.PORT ?? 3000);

const webDir = resolve(root, 'packages/web');
const webDist = resolve(webDir, 'dist');

// Say what is missing before doing anything else.
if ((javaVersion() ?? 0) < 11) {
  console.error(new JavaMissingError().message);
  process.exit(1);
}

try {
  // The console and board are built on first start, and again when their sources changed.
  if (webBuildIsStale([webDir, resolve(root, 'packages/client/src'), resolve(root, 'packages/types/src')], webDist)) {
    console.log('[local-cloud] building the web console (packages/web → dist)…');
    await buildWeb(webDir, webDist);
  }
  const cloud = await startLocalCloud({
    services,
    port,
    dataDir: resolve(root, '.data'),
    demo: true,
    staticDir: webDist,
    extraHandlers: [openApiHandler(services)],
    log: (line) => console.log(`[local-cloud] ${line}`),
  });
  console.log(`[local-cloud] Jingzhun is running at ${cloud.url} (Ctrl-C to stop)`);
  console.log('[local-cloud] sign in: POST /dev/login {"username":"county"}; demo users: GET /dev/users');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[local-cloud] ${signal}: stopping…`);
    await cloud.stop();
    console.log('[local-cloud] stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`端口 ${port} 已被占用：请先停止占用它的程序，或以 PORT=3001 npm start 换一个端口。`);
    process.exit(1);
  }
  throw error;
}
