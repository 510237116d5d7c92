import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../src/data-file.js';

/** A manifest's data file: beside the module in the source tree, beside the bundle in a Lambda package. */
describe('readDataFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'jz-data-'));

  it('reads the file at its path beside the asking module (source tree)', () => {
    mkdirSync(join(root, 'src/catalog'), { recursive: true });
    writeFileSync(join(root, 'src/catalog/catalog.json'), '{"from":"source"}');
    expect(readDataFile(pathToFileURL(join(root, 'src/catalog/index.ts')).href, './catalog.json')).toBe('{"from":"source"}');
  });

  it('reads it by its file name beside the bundle (Lambda package)', () => {
    mkdirSync(join(root, 'task'), { recursive: true });
    writeFileSync(join(root, 'task/catalog.json'), '{"from":"package"}');
    expect(readDataFile(pathToFileURL(join(root, 'task/index.mjs')).href, './catalog/catalog.json')).toBe('{"from":"package"}');
  });

  it('says which file is missing', () => {
    expect(() => readDataFile(pathToFileURL(join(root, 'nowhere/index.mjs')).href, './catalog.json')).toThrow(/data file \.\/catalog\.json not found/);
  });
});
