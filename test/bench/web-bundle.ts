/**
 * `npm run bench:web`: the JavaScript and CSS a phone downloads to open the public board (issue 14,
 * docs/performance.md): the board entry of index.html and the chunks it imports statically, each
 * gzipped at level 9 as CloudFront's compression would roughly give. Chunks loaded only on demand
 * (the old staff console, while it still shares index.html) are listed apart.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const webDir = join(import.meta.dirname, '../../packages/web');
const outDir = mkdtempSync(join(tmpdir(), 'jz-web-bench-'));
await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true } });

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const gzip = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
const raw = (file: string) => readFileSync(join(outDir, file)).length;

function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(next, seen);
  return seen;
}

const entry = 'index.html';
const loaded = staticClosure(entry);
const rows: { what: string; file: string; raw: number; gzip: number }[] = [];
for (const key of loaded) {
  const chunk = manifest[key] as ManifestChunk;
  rows.push({ what: key === entry ? 'board entry' : `shared chunk (${key})`, file: chunk.file, raw: raw(chunk.file), gzip: gzip(chunk.file) });
  for (const css of chunk.css ?? []) rows.push({ what: 'stylesheet', file: css, raw: raw(css), gzip: gzip(css) });
}
const onDemand = [...loaded].flatMap((key) => manifest[key]?.dynamicImports ?? []).filter((key) => !loaded.has(key));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const row of rows) console.log(`${row.what.padEnd(40)} ${row.file.padEnd(36)} ${kb(row.raw).padStart(9)}  gzip ${kb(row.gzip).padStart(8)}`);
const js = rows.filter((row) => row.file.endsWith('.js'));
console.log(`board JavaScript: ${kb(js.reduce((s, r) => s + r.raw, 0))}, gzip ${kb(js.reduce((s, r) => s + r.gzip, 0))}`);
console.log(`board CSS: gzip ${kb(rows.filter((row) => row.file.endsWith('.css')).reduce((s, r) => s + r.gzip, 0))}`);
for (const key of onDemand) console.log(`on demand only: ${key} → ${manifest[key]?.file} gzip ${kb(gzip(manifest[key]?.file as string))}`);
