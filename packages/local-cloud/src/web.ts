import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web console and public board (packages/web) as static files for the local gateway: built
 * with Vite into `outDir`, the same build CDK deploys to S3.
 */
export async function buildWeb(webDir: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

/** Whether `outDir` lacks a build or is older than any source of the web or the packages it uses. */
export function webBuildIsStale(sourceDirs: string[], outDir: string): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return sourceDirs.some((dir) => newestFile(dir) > builtAt);
}

function newestFile(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The page a GET is answered with when no file of the build has its path (issue 14): the board and
 * the console route by path, so a link shared in WeChat (which may drop what follows `#`) still
 * opens its page. `/staff…` gets the console's page when the build has one, every other path that
 * is neither a file nor an API prefix gets the board's index.html; a missing file stays a 404. The
 * web stack's CloudFront function applies the same rule (infra/lib/web-stack.ts).
 */
export function appPageFor(pathname: string, options: { apiPrefixes: ReadonlySet<string>; staffPage: boolean }): string | undefined {
  const last = pathname.split('/').pop() ?? '';
  if (/\.[A-Za-z0-9]+$/.test(last)) return undefined;
  const segment = pathname.split('/')[1] ?? '';
  if (options.apiPrefixes.has(segment)) return undefined;
  if (segment === 'staff' && options.staffPage) return 'staff/index.html';
  return 'index.html';
}
