/**
 * Builds the mini-program into packages/miniprogram/dist, a folder WeChat DevTools opens as it is
 * (`npm run build:miniprogram`). Our TypeScript becomes CommonJS by esbuild: one shared bundle
 * (lib/runtime.js: the typed client, the contracts, zod) that every page requires, and one small
 * file per page. WXML, WXSS and JSON are copied. TDesign's components are copied from the library's
 * miniprogram_dist — only those the pages use and what they need — with their ES modules turned into
 * CommonJS and their npm imports (tslib, dayjs…) pointed at the copies TDesign ships, so DevTools and
 * miniprogram-simulate (Node's require) load the same files.
 *
 * Settings: JZ_MINIPROGRAM_API (the API's https address; default http://localhost:3000 for npm start),
 * JZ_MINIPROGRAM_DEV_SIGN_IN=0 to leave the demo sign-in out (any upload to WeChat),
 * JZ_MINIPROGRAM_APPID (project.config.json; default touristappid for DevTools without an AppID).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, transformSync } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const require = createRequire(import.meta.url);
const TDESIGN = join(dirname(require.resolve('tdesign-miniprogram/package.json')), 'miniprogram_dist');
const NPM_DIR = 'miniprogram_npm/tdesign-miniprogram';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Pages and the shared runtime: the runtime is required at run time, not copied into each page. */
const runtimeExternal: Plugin = {
  name: 'runtime-external',
  setup(b) {
    b.onResolve({ filter: /\/lib\/runtime$/ }, (args) => (args.importer.endsWith('runtime.ts') ? undefined : { path: `${args.path}.js`, external: true }));
  },
};

/** TDesign components the pages use, and every component those use in turn. */
function tdesignClosure(pageJsons: string[]): Set<string> {
  const wanted = new Set<string>();
  const visit = (component: string) => {
    if (wanted.has(component)) return;
    wanted.add(component);
    const json = join(TDESIGN, `${component}.json`);
    if (!existsSync(json)) throw new Error(`TDesign has no component ${component}`);
    const using = (JSON.parse(readFileSync(json, 'utf8')).usingComponents ?? {}) as Record<string, string>;
    for (const target of Object.values(using)) visit(relative(TDESIGN, resolve(dirname(join(TDESIGN, component)), target)));
  };
  for (const file of pageJsons) {
    const using = (JSON.parse(readFileSync(file, 'utf8')).usingComponents ?? {}) as Record<string, string>;
    for (const target of Object.values(using)) {
      const prefix = `/${NPM_DIR}/`;
      if (target.startsWith(prefix)) visit(target.slice(prefix.length));
    }
  }
  return wanted;
}

/** Copies a TDesign folder, its JS as CommonJS with npm imports made relative. */
function copyTdesign(folder: string, out: string): void {
  for (const file of walk(join(TDESIGN, folder))) {
    const target = join(out, NPM_DIR, relative(TDESIGN, file));
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.js')) {
      if (!file.endsWith('.d.ts')) cpSync(file, target);
      continue;
    }
    const source = readFileSync(file, 'utf8');
    const cjs = /\b(import|export)\b/.test(source) ? transformSync(source, { format: 'cjs', target: 'es2018', loader: 'js' }).code : source;
    const rewritten = cjs.replace(/require\("([^."][^"]*)"\)/g, (_match, spec: string) => {
      const shipped = join(TDESIGN, 'miniprogram_npm', spec);
      const path = existsSync(`${shipped}.js`) ? `${shipped}.js` : join(shipped, 'index.js');
      let rel = relative(dirname(file), path).replace(/\\/g, '/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `require("${rel}")`;
    });
    writeFileSync(target, rewritten);
  }
}

export async function buildMiniprogram(out = join(ROOT, 'dist')): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const sources = walk(SRC);
  const define = {
    JZ_API_BASE: JSON.stringify(process.env.JZ_MINIPROGRAM_API ?? 'http://localhost:3000'),
    JZ_DEV_SIGN_IN: JSON.stringify(process.env.JZ_MINIPROGRAM_DEV_SIGN_IN !== '0'),
  };
  await build({
    entryPoints: [join(SRC, 'lib/runtime.ts')],
    outdir: join(out, 'lib'),
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2018',
    minify: true,
    define,
    logLevel: 'warning',
  });
  const entries = sources.filter((file) => file.endsWith('.ts') && !file.includes('/lib/'));
  await build({
    entryPoints: entries,
    outdir: out,
    outbase: SRC,
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2018',
    define,
    plugins: [runtimeExternal],
    logLevel: 'warning',
  });
  for (const file of sources.filter((f) => /\.(wxml|wxss|json|wxs|png)$/.test(f))) {
    const target = join(out, relative(SRC, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  // The output is CommonJS; this package is ESM, so Node (miniprogram-simulate's require) needs to be told.
  // project.config.json leaves the file out of uploads.
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs", "private": true }\n');
  const config = JSON.parse(readFileSync(join(out, 'project.config.json'), 'utf8'));
  config.appid = process.env.JZ_MINIPROGRAM_APPID ?? 'touristappid';
  writeFileSync(join(out, 'project.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const components = tdesignClosure(sources.filter((f) => f.endsWith('.json') && f.includes('/pages/')));
  const folders = new Set([...components].map((c) => c.split('/')[0] as string));
  for (const shared of ['common', 'mixins', 'miniprogram_npm']) folders.add(shared);
  for (const folder of folders) copyTdesign(folder, out);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const out = await buildMiniprogram();
  const bytes = walk(out).reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`mini-program built in ${relative(process.cwd(), out)} (${(bytes / 1024).toFixed(0)} KB)`);
}
