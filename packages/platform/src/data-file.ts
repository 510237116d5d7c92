import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads a data file a manifest declares in `dataFiles`: in the source tree it is beside the module
 * that asks (`moduleUrl`, its import.meta.url); in a Lambda package CDK puts it beside the bundle,
 * which is then that module's own folder too. Read once per process by the caller.
 */
export function readDataFile(moduleUrl: string, relativePath: string): string {
  const beside = fileURLToPath(new URL(relativePath, moduleUrl));
  const bundled = fileURLToPath(new URL(basename(relativePath), moduleUrl));
  for (const path of [beside, bundled]) if (existsSync(path)) return readFileSync(path, 'utf8');
  throw new Error(`data file ${relativePath} not found beside ${moduleUrl}`);
}
