/**
 * `npm run bench:bundles`: per-function bundle size (esbuild with the options CDK's NodejsFunction
 * uses in infra/lib/lambda.ts: ESM, minified, node22) and cold import time (a fresh Node process
 * importing the bundle), for every function CDK deploys: one per route and job, one per
 * subscription handler (infra/lib/service-stack.ts groups a handler's events), and the outbox relay.
 * esbuild's metafile says which inputs make up the bytes.
 *
 * Flag: --sdk-bundled bundles the AWS SDK too (as if the runtime did not ship it). Data files a
 * manifest declares (`dataFiles`) are copied beside the bundles, as CDK does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionId, resolveHandler } from '../../packages/platform/src/manifest.js';
import { services } from '../../services/registry.js';
import { loadAverage } from './machine.js';

const SIZE_TARGET_KB = 250;
const IMPORT_TARGET_MS = 150;
const IMPORT_SAMPLES = 3;
const REPO = join(import.meta.dirname, '../..');
// Bundles are written inside the repository so that the AWS SDK, external as in Lambda's nodejs22.x
// runtime, resolves from node_modules when the cold import is measured.
const out = join(REPO, 'test-artifacts/bundles');
mkdirSync(out, { recursive: true });
const sdkBundled = process.argv.includes('--sdk-bundled');

interface FunctionEntry {
  name: string;
  path: string;
  exportName: string;
}

/** Every deployed function once, named as CDK names it (several subscriptions may share one handler). */
function functionEntries(): FunctionEntry[] {
  const byName = new Map<string, FunctionEntry>();
  for (const manifest of services) {
    const refs = [...manifest.routes.map((route) => route.handler), ...manifest.jobs.map((job) => job.handler), ...manifest.subscriptions.map((sub) => sub.handler)];
    for (const ref of refs) byName.set(functionId(manifest, ref), { name: functionId(manifest, ref), ...resolveHandler(manifest, ref) });
  }
  // Data files go beside the bundles, as CDK puts them beside each function's bundle.
  for (const manifest of services) for (const file of manifest.dataFiles ?? []) copyFileSync(new URL(file, manifest.root), join(out, basename(file)));
  // The same relay code is deployed once per service stack: measured once.
  byName.set('platform-outboxRelay', { name: 'platform-outboxRelay', path: join(REPO, 'packages/platform/src/relay.ts'), exportName: 'handler' });
  return [...byName.values()];
}

interface ImportTime {
  /** Median of IMPORT_SAMPLES fresh processes: the figure compared with the target. */
  median: number;
  /** Best of them: what the import costs when nothing else competes for the CPU. */
  min: number;
}

/** Fresh Node processes importing `file`: wall time of the import alone (Node's own start excluded), ms. */
function coldImport(file: string, exportName?: string): ImportTime {
  const check = exportName ? `if (typeof module[${JSON.stringify(exportName)}] !== 'function') throw new Error('export ${exportName} missing');` : '';
  const script = `const t = performance.now(); const module = await import(${JSON.stringify(file)}); const ms = performance.now() - t; ${check} process.stdout.write(String(ms));`;
  const samples: number[] = [];
  for (let i = 0; i < IMPORT_SAMPLES; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, JZ_TABLE_PLACEHOLDER: '1' } });
    const ms = Number(result.stdout);
    // A failed import prints nothing: it must not be counted as a 0 ms import.
    if (result.status !== 0 || !result.stdout || Number.isNaN(ms)) throw new Error(`cold import of ${file} failed: ${result.stderr.slice(-1000)}`);
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(IMPORT_SAMPLES / 2)] as number, min: samples[0] as number };
}

/** The package (node_modules/<name>) or the source folder an input file belongs to. */
function inputGroup(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:(v4\/(?:locales|core|classic))\/)?/.exec(file);
  if (pkg) return pkg[2] ? `${pkg[1]}/${pkg[2]}` : (pkg[1] as string);
  return file.replace(/\/[^/]+$/, '');
}

function bytesByGroup(metafile: Metafile): Map<string, number> {
  const groups = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) groups.set(inputGroup(file), (groups.get(inputGroup(file)) ?? 0) + input.bytesInOutput);
  }
  return groups;
}

interface Row {
  name: string;
  kb: number;
  ms: number;
  minMs: number;
  groups: Map<string, number>;
}

async function measure(entry: FunctionEntry): Promise<Row> {
  const file = join(out, `${entry.name}.mjs`);
  const result = await build({
    entryPoints: [entry.path],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    mainFields: ['module', 'main'],
    external: sdkBundled ? [] : ['@aws-sdk/*'],
    banner: { js: "import { createRequire as __jzRequire } from 'node:module'; const require = __jzRequire(import.meta.url);" },
    outfile: file,
    metafile: true,
    logLevel: 'silent',
  });
  const time = coldImport(file, entry.exportName);
  return { name: entry.name, kb: statSync(file).size / 1024, ms: time.median, minMs: time.min, groups: bytesByGroup(result.metafile) };
}

/** Inputs by their median share across bundles: what every function pays for. */
function printDominantInputs(rows: Row[]): void {
  const perGroup = new Map<string, number[]>();
  for (const row of rows) for (const [group, bytes] of row.groups) perGroup.set(group, [...(perGroup.get(group) ?? []), bytes]);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const ranked = [...perGroup.entries()].map(([group, sizes]) => ({ group, count: sizes.length, median: median(sizes), max: Math.max(...sizes) })).sort((a, b) => b.max - a.max);
  console.log('largest inputs (esbuild metafile, bytes in output):');
  console.log(`  ${'input'.padEnd(44)} ${'in bundles'.padStart(10)} ${'median KB'.padStart(10)} ${'max KB'.padStart(8)}`);
  for (const item of ranked.slice(0, 10)) {
    console.log(`  ${item.group.padEnd(44)} ${String(item.count).padStart(10)} ${(item.median / 1024).toFixed(1).padStart(10)} ${(item.max / 1024).toFixed(1).padStart(8)}`);
  }
}

const entries = functionEntries();
const flags = [sdkBundled ? 'AWS SDK bundled' : 'AWS SDK external'];
console.log(`Function bundles (${entries.length}), esbuild ESM minified node22, ${flags.join(', ')}; machine: ${process.arch}, Node ${process.version}`);
console.log(`load average before (1/5/15 min): ${loadAverage()}`);

// Baselines for the cold import, same method: Node importing nothing, and the SDK clients that
// the runtime provides (what a function pays before any of its own code).
const empty = join(out, '_empty.mjs');
const sdkOnly = join(out, '_sdk-dynamodb.mjs');
await build({ stdin: { contents: 'export {};', loader: 'js' }, outfile: empty, format: 'esm', logLevel: 'silent' });
await build({
  stdin: { contents: "export * from '@aws-sdk/client-dynamodb'; export * from '@aws-sdk/lib-dynamodb';", loader: 'js', resolveDir: REPO },
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['@aws-sdk/*'],
  outfile: sdkOnly,
  logLevel: 'silent',
});
const emptyImport = coldImport(empty);
const sdkImport = coldImport(sdkOnly);

const rows: Row[] = [];
for (const entry of entries) rows.push(await measure(entry));

rows.sort((a, b) => b.kb - a.kb);
console.log('function'.padEnd(48), 'size KB'.padStart(9), `import ms (median of ${IMPORT_SAMPLES})`.padStart(24), 'best'.padStart(8));
for (const row of rows) console.log(row.name.padEnd(48), row.kb.toFixed(1).padStart(9), row.ms.toFixed(1).padStart(24), row.minMs.toFixed(1).padStart(8));
const largest = rows[0] as Row;
const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
const fastest = rows.reduce((a, b) => (b.ms < a.ms ? b : a));
console.log(
  `largest ${largest.kb.toFixed(1)} KB (${largest.name}; target ≤ ${SIZE_TARGET_KB} KB, ratio ${(largest.kb / SIZE_TARGET_KB).toFixed(2)}); over target: ${rows.filter((row) => row.kb > SIZE_TARGET_KB).length} of ${rows.length}; smallest ${(rows[rows.length - 1] as Row).kb.toFixed(1)} KB`,
);
console.log(
  `slowest cold import ${slowest.ms.toFixed(1)} ms (${slowest.name}; target ≤ ${IMPORT_TARGET_MS} ms, ratio ${(slowest.ms / IMPORT_TARGET_MS).toFixed(2)}); over target: ${rows.filter((row) => row.ms > IMPORT_TARGET_MS).length} of ${rows.length} (best sample over target: ${rows.filter((row) => row.minMs > IMPORT_TARGET_MS).length}); fastest ${fastest.ms.toFixed(1)} ms`,
);
console.log(
  `cold import baselines (median / best): empty module ${emptyImport.median.toFixed(1)} / ${emptyImport.min.toFixed(1)} ms; AWS SDK DynamoDB clients alone (external, from node_modules) ${sdkImport.median.toFixed(1)} / ${sdkImport.min.toFixed(1)} ms`,
);
printDominantInputs(rows);
console.log(`load average after (1/5/15 min): ${loadAverage()}`);
