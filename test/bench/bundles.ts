/**
 * `npm run bench:bundles`: per-function bundle size (esbuild with the options CDK's NodejsFunction
 * uses in infra/lib/lambda.ts: ESM, minified, node22) and cold import time (a fresh Node process
 * importing the bundle), for every route, job and subscription of every manifest.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { functionId, resolveHandler } from '../../packages/platform/src/manifest.js';
import { services } from '../../services/registry.js';

const SIZE_TARGET = 250 * 1024;
const IMPORT_TARGET_MS = 150;
// Bundles are written inside the repository so that the AWS SDK, external as in Lambda's nodejs22.x
// runtime, resolves from node_modules when the cold import is measured.
const out = join(import.meta.dirname, '../../test-artifacts/bundles');
mkdirSync(out, { recursive: true });
const external = process.argv.includes('--sdk-bundled') ? [] : ['@aws-sdk/*'];

const handlers = services.flatMap((manifest) => [
  ...manifest.routes.map((route) => ({ manifest, ref: route.handler })),
  ...manifest.jobs.map((job) => ({ manifest, ref: job.handler })),
  ...manifest.subscriptions.map((sub) => ({ manifest, ref: sub.handler })),
]);

function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, JZ_TABLE_PLACEHOLDER: '1' } });
    samples.push(Number(result.stdout));
  }
  return samples.sort((a, b) => a - b)[1] as number; // median of 3
}

const rows: { name: string; kb: number; ms: number }[] = [];
for (const { manifest, ref } of handlers) {
  const { path, exportName } = resolveHandler(manifest, ref);
  const name = functionId(manifest, ref);
  const file = join(out, `${name}.mjs`);
  await build({
    entryPoints: [path],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    mainFields: ['module', 'main'],
    external,
    banner: { js: "import { createRequire as __jzRequire } from 'node:module'; const require = __jzRequire(import.meta.url);" },
    outfile: file,
    logLevel: 'silent',
  });
  writeFileSync(`${file}.entry.mjs`, `export { ${exportName} } from ${JSON.stringify(file)};`);
  rows.push({ name, kb: statSync(file).size / 1024, ms: coldImportMs(file) });
}

rows.sort((a, b) => b.kb - a.kb);
console.log(
  `Function bundles (${rows.length}), esbuild ESM minified node22${external.length ? ', AWS SDK external' : ', AWS SDK bundled'}; machine: ${process.arch}, Node ${process.version}`,
);
console.log('function'.padEnd(48), 'size KB'.padStart(9), 'cold import ms'.padStart(15));
for (const row of rows) console.log(row.name.padEnd(48), row.kb.toFixed(1).padStart(9), row.ms.toFixed(1).padStart(15));
const sizes = rows.map((row) => row.kb);
const times = rows.map((row) => row.ms);
console.log(
  `largest ${Math.max(...sizes).toFixed(1)} KB (target ≤ ${SIZE_TARGET / 1024} KB, ratio ${(Math.max(...sizes) / (SIZE_TARGET / 1024)).toFixed(2)}); over target: ${rows.filter((row) => row.kb * 1024 > SIZE_TARGET).length}`,
);
console.log(
  `slowest cold import ${Math.max(...times).toFixed(1)} ms (target ≤ ${IMPORT_TARGET_MS} ms, ratio ${(Math.max(...times) / IMPORT_TARGET_MS).toFixed(2)}); over target: ${rows.filter((row) => row.ms > IMPORT_TARGET_MS).length}`,
);
