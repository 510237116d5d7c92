import { UPLOAD_LIMITS } from '../../src/tabular.js';
import { writeZip } from '../../src/zip.js';

/** Crafted XLSX files: how unusual writers and hostile uploaders build them. */
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook from raw parts: the sheet XML (and shared strings, workbook) as written. */
export function workbookWith(sheet: string, options: { shared?: string; workbook?: string } = {}): Buffer {
  const parts: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': options.workbook ?? `<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${OFFICE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    ...(options.shared ? { 'xl/sharedStrings.xml': options.shared } : {}),
  };
  return writeZip(Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

export const sheetOf = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

/** Rewrites the uncompressed size the central directory declares for the last entry. */
export function withDeclaredSize(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip);
  copy.writeUInt32LE(size, copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  return copy;
}

/** Files every upload route must refuse with 400 or 413, never a 500 or a crash. */
export function hostileWorkbooks(): { label: string; file: Buffer; status: 400 | 413 }[] {
  const xfd = Array.from({ length: 300 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`).join('');
  const spaces = ' '.repeat(UPLOAD_LIMITS.maxInflatedBytes);
  return [
    { label: 'rows padded to column XFD', file: workbookWith(sheetOf(xfd)), status: 413 },
    { label: '<dimension> A1:XFD1048576', file: workbookWith(`<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>`), status: 413 },
    { label: 'zip bomb (declared size over the limit)', file: workbookWith(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${spaces}</t></is></c></row>`)), status: 413 },
    {
      label: 'zip bomb (declared size a lie)',
      file: withDeclaredSize(workbookWith(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${spaces.slice(0, 8_000_000)}</t></is></c></row>`)), 100),
      status: 413,
    },
    {
      label: 'namespaced sheet with &#x110000;',
      file: workbookWith(
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&#x110000;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
      status: 400,
    },
    {
      label: '&#x110000; in a shared string',
      file: workbookWith(sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { shared: `<sst xmlns="${MAIN}"><si><t>&#x110000;</t></si></sst>` }),
      status: 400,
    },
    { label: 'DOCTYPE with an entity', file: workbookWith(`<!DOCTYPE x [<!ENTITY a "b">]>${sheetOf('')}`), status: 400 },
    { label: 'cell reference past XFD', file: workbookWith(sheetOf('<row r="1"><c r="AAAAAAAAAA1"><v>1</v></c></row>')), status: 400 },
    { label: 'truncated XML', file: workbookWith(sheetOf('<row r="1"><c r="A1')), status: 400 },
    { label: 'truncated ZIP', file: workbookWith(sheetOf('')).subarray(0, 200), status: 400 },
    { label: 'not a ZIP', file: Buffer.from('PK\u0003\u0004 but not really'), status: 400 },
  ];
}
