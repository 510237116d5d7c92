import { BadZipError, readZip, writeZip } from './zip.js';

/**
 * Tables in and out: XLSX (Office Open XML spreadsheet) and CSV, for department uploads and
 * exports to offices. Written without dependencies so each function bundle stays small.
 */
export type Cell = string | number | boolean | null | undefined;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

// Characters XML 1.0 forbids: control characters other than tab, CR, LF (and U+FFFE, U+FFFF).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: XML 1.0 forbids them, so they are stripped to keep the .xlsx well-formed
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '') // drops what XML 1.0 forbids
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function columnIndex(name: string): number {
  let index = 0;
  for (const char of name) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function sheetXml(rows: Cell[][]): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          if (value === null || value === undefined || value === '') return '';
          const ref = `${columnName(c)}${r + 1}`;
          if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
          if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function safeSheetNames(sheets: Sheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, index) => {
    let name = sheet.name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || `Sheet${index + 1}`;
    while (used.has(name)) name = `${name.slice(0, 28)}_${index + 1}`;
    used.add(name);
    return name;
  });
}

/** Writes a workbook; the same sheets always give the same bytes. */
export function writeXlsx(sheets: Sheet[]): Buffer {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const names = safeSheetNames(sheets);
  const files = [
    {
      name: '[Content_Types].xml',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
    },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: sheetXml(sheet.rows) })),
  ];
  return writeZip(files.map((file) => ({ name: file.name, data: Buffer.from(file.text, 'utf8') })));
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity] ?? '';
  });
}

/** The text of every <t> inside a fragment (rich-text runs are joined). */
function textOf(fragment: string): string {
  return [...fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

export class BadSpreadsheetError extends Error {}

const MAX_ROWS = 100_000;

/** Reads every sheet of a workbook as rows of strings (numbers as written, booleans as TRUE/FALSE). */
export function readXlsx(buffer: Buffer): { name: string; rows: string[][] }[] {
  let files: Map<string, Buffer>;
  try {
    files = readZip(buffer);
  } catch (error) {
    if (error instanceof BadZipError) throw new BadSpreadsheetError(`不是有效的 XLSX 文件：${error.message}`);
    throw new BadSpreadsheetError('不是有效的 XLSX 文件');
  }
  const read = (name: string) => files.get(name)?.toString('utf8');
  const workbook = read('xl/workbook.xml');
  if (!workbook) throw new BadSpreadsheetError('不是有效的 XLSX 文件：缺少工作簿');
  const rels = read('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    const id = /\bId="([^"]+)"/.exec(attributes)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(attributes)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = [...(read('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textOf(match[1] ?? ''));
  const sheets: { name: string; rows: string[][] }[] = [];
  for (const match of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    const name = decodeXml(/\bname="([^"]*)"/.exec(attributes)?.[1] ?? '');
    const relId = /\br:id="([^"]+)"/.exec(attributes)?.[1] ?? '';
    const xml = read(targets.get(relId) ?? '');
    if (!xml) continue;
    const rows: string[][] = [];
    for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[1] ?? '')?.[1] ?? rows.length + 1);
      if (rowNumber > MAX_ROWS) throw new BadSpreadsheetError(`表格超过 ${MAX_ROWS} 行`);
      const row: string[] = [];
      for (const cell of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const cellAttributes = cell[1] ?? '';
        const inner = cell[2] ?? '';
        const ref = /\br="([A-Z]+)\d+"/.exec(cellAttributes)?.[1];
        const column = ref ? columnIndex(ref) : row.length;
        const type = /\bt="(\w+)"/.exec(cellAttributes)?.[1];
        const value = decodeXml(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
        let text: string;
        if (type === 's') text = shared[Number(value)] ?? '';
        else if (type === 'inlineStr') text = textOf(inner);
        else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
        else text = value;
        while (row.length < column) row.push('');
        row[column] = text;
      }
      while (rows.length < rowNumber - 1) rows.push([]);
      rows.push(row);
    }
    sheets.push({ name, rows });
  }
  if (sheets.length === 0) throw new BadSpreadsheetError('XLSX 文件中没有工作表');
  return sheets;
}

/**
 * CSV for Excel users: UTF-8 with BOM, CRLF, RFC 4180 quoting. Text that Excel would run as a
 * formula (starting with = + - @) gets a leading apostrophe (CSV injection).
 */
export function toCsv(rows: Cell[][]): string {
  const field = (value: Cell): string => {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); strips a leading BOM. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i] as string;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads an upload sent as `{ format, contentBase64 }` into rows of the first sheet. */
export function readUpload(format: 'csv' | 'xlsx', contentBase64: string): string[][] {
  const buffer = Buffer.from(contentBase64, 'base64');
  if (format === 'csv') return parseCsv(buffer.toString('utf8'));
  return readXlsx(buffer)[0]?.rows ?? [];
}
