import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingBoms } from '../../local-cloud/src/testing.js';
import { BadSpreadsheetError, parseCsv, readUpload, readXlsx, toCsv, UPLOAD_LIMITS, writeXlsx } from '../src/tabular.js';
import { crc32, openZip, writeZip, ZipTooLargeError } from '../src/zip.js';
import { hostileWorkbooks, MAIN, OFFICE, sheetOf, withDeclaredSize, workbookWith } from './support/workbooks.js';

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

  it('starts a CSV export with exactly one byte-order mark, and reads one back without it', () => {
    const csv = toCsv([['户主', 1]]);
    expect(leadingBoms(Buffer.from(csv, 'utf8'))).toBe(1);
    expect(parseCsv(csv)).toEqual([['户主', '1']]);
  });

  it('neutralises formulas in CSV exports', () => {
    expect(toCsv([['=1+1', '-3', 5, '@x']])).toBe("\uFEFF'=1+1,'-3,5,'@x\r\n");
  });
});

function refusal(run: () => unknown): { code: string; status: number; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadSpreadsheetError);
    const { code, status, messageZh } = error as BadSpreadsheetError;
    expect(messageZh).toMatch(/[\u4e00-\u9fff]/);
    return { code, status, message: messageZh };
  }
  throw new Error('expected the upload to be refused');
}

describe('XLSX uploads: hostile and unusual files', () => {
  it('refuses a 3 KB file whose rows are padded to column XFD (413), instead of expanding 16,384 columns per row', () => {
    const rows = Array.from({ length: 300 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`).join('');
    const file = workbookWith(sheetOf(rows));
    expect(file.length).toBeLessThan(4096);
    expect(refusal(() => readXlsx(file))).toMatchObject({ code: 'UPLOAD_TOO_LARGE', status: 413 });
  });

  it('ignores empty cells far to the right (no padding for cells without a value)', () => {
    const file = workbookWith(sheetOf('<row r="1"><c r="A1"><v>7</v></c><c r="XFD1" s="1"/></row>'));
    expect(readXlsx(file)[0]?.rows).toEqual([['7']]);
  });

  it('refuses a <dimension> beyond the limits before reading any row', () => {
    const file = workbookWith(`<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
    expect(refusal(() => readXlsx(file))).toMatchObject({ code: 'UPLOAD_TOO_LARGE', status: 413 });
  });

  it('refuses rows × columns beyond the cell limit, and row numbers beyond the row limit', () => {
    const limits = { ...UPLOAD_LIMITS, maxCells: 100 };
    const wide = Array.from({ length: 20 }, (_, r) => `<row r="${r + 1}"><c r="J${r + 1}"><v>1</v></c></row>`).join('');
    expect(readXlsx(workbookWith(sheetOf(wide.slice(0, wide.indexOf('<row r="11"')))), { limits })[0]?.rows).toHaveLength(10);
    expect(refusal(() => readXlsx(workbookWith(sheetOf(wide)), { limits }))).toMatchObject({ code: 'UPLOAD_TOO_LARGE' });
    expect(refusal(() => readXlsx(workbookWith(sheetOf(`<row r="${UPLOAD_LIMITS.maxRows + 1}"><c r="A1"><v>1</v></c></row>`))))).toMatchObject({ status: 413 });
    expect(refusal(() => readXlsx(workbookWith(sheetOf('<row r="1"><c r="AAAAAAAAAA1"><v>1</v></c></row>'))))).toMatchObject({ code: 'UPLOAD_UNREADABLE', status: 400 });
  });

  it('refuses a zip bomb by its declared size, before inflating it', () => {
    const limits = { ...UPLOAD_LIMITS, maxInflatedBytes: 1024 * 1024 };
    const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(limits.maxInflatedBytes + 1, 0x20) }]);
    expect(bomb.length).toBeLessThan(10_000);
    const zip = openZip(bomb, limits);
    expect(zip.declaredSize('xl/worksheets/sheet1.xml')).toBe(limits.maxInflatedBytes + 1);
    expect(() => zip.read('xl/worksheets/sheet1.xml')).toThrow(ZipTooLargeError);
    const file = workbookWith(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(limits.maxInflatedBytes)}</t></is></c></row>`));
    expect(refusal(() => readXlsx(file, { limits }))).toMatchObject({ code: 'UPLOAD_TOO_LARGE', status: 413 });
    // The budget covers every part read, not each one alone.
    const half = ' '.repeat(limits.maxInflatedBytes / 2);
    const split = workbookWith(sheetOf(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>${half}`), { shared: `<sst xmlns="${MAIN}"><si><t>${half}</t></si></sst>` });
    expect(refusal(() => readXlsx(split, { limits }))).toMatchObject({ code: 'UPLOAD_TOO_LARGE' });
  });

  it('stops inflating an entry that lies about its size (declared 1 KB, inflates to 32 MB)', () => {
    const bomb = withDeclaredSize(writeZip([{ name: 'a.xml', data: Buffer.alloc(32 * 1024 * 1024, 0x20) }]), 1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => openZip(bomb, UPLOAD_LIMITS).read('a.xml')).toThrow(ZipTooLargeError);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * 1024 * 1024);
  });

  it('reads a sheet written with namespace prefixes (x:worksheet, x:row, x:c, x:si, ns1:id)', () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:C2"/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>冯</x:t></x:r><x:r><x:t xml:space="preserve">庄 </x:t></x:r></x:is></x:c><x:c r="C1"><x:v>12.5</x:v></x:c></x:row><x:row r="2"><x:c r="B2" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const shared = `<x:sst xmlns:x="${MAIN}"><x:si><x:t>涧头集镇</x:t><x:rPh sb="0" eb="1"><x:t>ジャン</x:t></x:rPh></x:si></x:sst>`;
    const workbook = `<x:workbook xmlns:x="${MAIN}" xmlns:ns1="${OFFICE}"><x:sheets><x:sheet name="名单" sheetId="1" ns1:id="rId1"/></x:sheets></x:workbook>`;
    expect(readXlsx(workbookWith(sheet, { shared, workbook }))).toEqual([
      {
        name: '名单',
        rows: [
          ['涧头集镇', '冯庄 ', '12.5'],
          ['', 'TRUE'],
        ],
      },
    ]);
  });

  it("reads attribute values with '>' and single quotes, CDATA text and comments", () => {
    const sheet = sheetOf(`<!-- a comment <row> --><row r='1' x="a>b"><c r='A1' t='inlineStr'><is><t><![CDATA[<甲&乙>]]></t></is></c></row>`);
    expect(readXlsx(workbookWith(sheet))[0]?.rows).toEqual([['<甲&乙>']]);
  });

  it('refuses character references that name no character (&#x110000;, &#0;, a surrogate) with 400, and decodes valid ones', () => {
    for (const reference of ['&#x110000;', '&#0;', '&#xD800;', '&#99999999999999999999;']) {
      const file = workbookWith(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${reference}</t></is></c></row>`));
      expect(
        refusal(() => readXlsx(file)),
        reference,
      ).toMatchObject({ code: 'UPLOAD_UNREADABLE', status: 400 });
    }
    const file = workbookWith(sheetOf('<row r="1"><c r="A1" t="inlineStr"><is><t>&#x4E2D;&#22269;&amp;</t></is></c></row>'));
    expect(readXlsx(file)[0]?.rows).toEqual([['中国&']]);
  });

  it('refuses a DOCTYPE (entity declarations) and truncated XML with 400', () => {
    expect(refusal(() => readXlsx(workbookWith(`<!DOCTYPE x [<!ENTITY a "b">]>${sheetOf('')}`)))).toMatchObject({ status: 400 });
    expect(refusal(() => readXlsx(workbookWith(sheetOf('<row r="1"><c r="A1'))))).toMatchObject({ status: 400 });
  });

  it('reads 100,000 unclosed <row> tags in linear time', () => {
    const started = performance.now();
    readXlsx(workbookWith(sheetOf('<row><c><v>1</v>'.repeat(100_000))));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('holds CSV uploads to the same limits', () => {
    const limits = { ...UPLOAD_LIMITS, maxCells: 10, maxColumns: 4, maxRows: 3 };
    expect(parseCsv('a,b\r\nc,d\r\n', limits)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(refusal(() => parseCsv('a,b,c,d,e\r\n', limits))).toMatchObject({ code: 'UPLOAD_TOO_LARGE', status: 413 });
    expect(refusal(() => parseCsv('a\r\nb\r\nc\r\nd\r\n', limits))).toMatchObject({ status: 413 });
    expect(refusal(() => parseCsv('a,b,c,d\r\na,b,c,d\r\na,b,c,d\r\n', limits))).toMatchObject({ status: 413 });
    expect(refusal(() => readUpload('csv', Buffer.from(','.repeat(UPLOAD_LIMITS.maxColumns + 1)).toString('base64')))).toMatchObject({ status: 413 });
  });

  it.each(hostileWorkbooks())('refuses $label with $status', ({ file, status }) => {
    expect(refusal(() => readUpload('xlsx', file.toString('base64')))).toMatchObject({ status, code: status === 413 ? 'UPLOAD_TOO_LARGE' : 'UPLOAD_UNREADABLE' });
  });
});
