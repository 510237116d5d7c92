import { DomainError } from '@jingzhun/types';
import { BadZipError, openZip, writeZip, type ZipReader, ZipTooLargeError } from './zip.js';

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

/**
 * What an upload may hold, checked before the work that would cost it: the inflated bytes of the
 * parts read (before inflating, by the ZIP's declared sizes, and while inflating), the rows, the
 * columns (a cell reference or a `<dimension>` beyond them is refused), and the cells of the
 * rectangle the rows span. A department list has a few thousand to tens of thousands of rows of
 * about ten columns; a row padded to column XFD (16,384 columns) is refused, not expanded.
 */
export const UPLOAD_LIMITS = {
  maxInflatedBytes: 40 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 256,
  maxCells: 2_000_000,
} as const;

export type UploadLimits = { [K in keyof typeof UPLOAD_LIMITS]: number };

/**
 * An upload that cannot be read: 400 `UPLOAD_UNREADABLE`, or 413 `UPLOAD_TOO_LARGE` when it is
 * beyond UPLOAD_LIMITS. It is a DomainError, so the HTTP layer answers it as it is.
 */
export class BadSpreadsheetError extends DomainError {
  constructor(message: string, tooLarge = false) {
    super(tooLarge ? 'UPLOAD_TOO_LARGE' : 'UPLOAD_UNREADABLE', message, tooLarge ? 413 : 400);
    this.name = 'BadSpreadsheetError';
  }
}

const tooLarge = (what: string) => new BadSpreadsheetError(`上传的表格过大：${what}，请拆分后分批上传`, true);
const unreadable = (why: string) => new BadSpreadsheetError(`无法读取上传的 XLSX 文件：${why}`);

/** XML 1.0 `Char`: what a character reference may name (`&#x110000;`, `&#0;` and surrogates are not characters). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (reference, entity: string) => {
    if (entity[0] !== '#') return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity] as string;
    const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    if (!isXmlChar(code)) throw unreadable(`含有无效的字符引用 ${reference.slice(0, 20)}`);
    return String.fromCodePoint(code);
  });
}

type Attributes = Map<string, string>;

/** Attributes by qualified name (`r`, `r:id`), values decoded. */
function attributesOf(text: string): Attributes {
  const attributes: Attributes = new Map();
  for (const match of text.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(match[1] as string, decodeXml(match[2] ?? match[3] ?? ''));
  return attributes;
}

/** The value of an attribute in any namespace prefix (`r:id`, `ns1:id`): the relationship id of a sheet. */
function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  for (const [name, value] of attributes) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

interface XmlVisitor {
  /** `attributes` is the raw attribute text; parse it with attributesOf only where needed. */
  open(local: string, attributes: string, selfClosing: boolean): void;
  close(local: string): void;
  text(decoded: string): void;
}

/**
 * A linear scan of an XML part: elements by their local name, so `<x:row>` under a prefixed
 * SpreadsheetML namespace reads like `<row>`; text decoded once; CDATA as text. A DOCTYPE (which
 * could declare entities) is refused. Every step moves forward through the text, so a hostile
 * part costs time in proportion to its size (a regular expression over nested elements did not).
 */
function scanXml(xml: string, visitor: XmlVisitor): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      visitor.text(decodeXml(xml.slice(at)));
      return;
    }
    if (lt > at) visitor.text(decodeXml(xml.slice(at, lt)));
    if (xml.startsWith('<?', lt)) {
      at = endOf(xml, '?>', lt);
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      at = endOf(xml, '-->', lt);
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt);
      if (close < 0) throw unreadable('XML 不完整');
      visitor.text(xml.slice(lt + 9, close));
      at = close + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) throw unreadable('不接受含有 DOCTYPE 的文件');
    // The tag runs to the first '>' outside a quoted attribute value.
    let gt = lt + 1;
    while (gt < xml.length && xml[gt] !== '>') {
      const char = xml[gt];
      if (char === '"' || char === "'") {
        const quote = xml.indexOf(char, gt + 1);
        if (quote < 0) throw unreadable('XML 不完整');
        gt = quote;
      }
      gt++;
    }
    if (gt >= xml.length) throw unreadable('XML 不完整');
    const closing = xml[lt + 1] === '/';
    const body = xml.slice(closing ? lt + 2 : lt + 1, xml[gt - 1] === '/' ? gt - 1 : gt);
    const nameEnd = body.search(/[\s/]|$/);
    const qualified = body.slice(0, nameEnd);
    const local = qualified.slice(qualified.indexOf(':') + 1);
    if (closing) visitor.close(local);
    else visitor.open(local, body.slice(nameEnd), xml[gt - 1] === '/');
    at = gt + 1;
  }
}

function endOf(xml: string, terminator: string, from: number): number {
  const index = xml.indexOf(terminator, from);
  if (index < 0) throw unreadable('XML 不完整');
  return index + terminator.length;
}

/**
 * The text of a string item (`<si>`, or a cell's `<is>`): its `<t>` runs joined, rich text
 * included, phonetic readings (`<rPh>`) left out.
 */
class StringItem {
  private phonetic = 0;
  private inText = false;
  value = '';
  open(local: string, selfClosing: boolean): void {
    if (selfClosing) return;
    if (local === 'rPh') this.phonetic++;
    else if (local === 't' && this.phonetic === 0) this.inText = true;
  }
  close(local: string): void {
    if (local === 'rPh') this.phonetic--;
    else if (local === 't') this.inText = false;
  }
  text(text: string): void {
    if (this.inText) this.value += text;
  }
}

function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let item: StringItem | undefined;
  scanXml(xml, {
    open(local, _attributes, selfClosing) {
      if (local === 'si') {
        if (selfClosing) strings.push('');
        else item = new StringItem();
      } else item?.open(local, selfClosing);
    },
    close(local) {
      if (local === 'si' && item) {
        strings.push(item.value);
        item = undefined;
      } else item?.close(local);
    },
    text(text) {
      item?.text(text);
    },
  });
  return strings;
}

/** `A1` → column 0, row 1; undefined when it is not a cell reference. Letters beyond three (past XFD) are refused. */
function parseRef(ref: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  return { column: columnIndex((match[1] as string).toUpperCase()), row: Number(match[2]) };
}

/** Refuses a `<dimension ref="A1:XFD1048576"/>` beyond the limits before any row is read. */
function checkDimension(ref: string, limits: UploadLimits): void {
  const corner = parseRef(ref.split(':').pop() ?? '');
  if (!corner) return;
  checkExtent(corner.row, corner.column + 1, limits);
}

function checkExtent(rows: number, columns: number, limits: UploadLimits): void {
  if (rows > limits.maxRows) throw tooLarge(`超过 ${limits.maxRows} 行`);
  if (columns > limits.maxColumns) throw tooLarge(`超过 ${limits.maxColumns} 列`);
  if (rows * columns > limits.maxCells) throw tooLarge(`行数 × 列数超过 ${limits.maxCells} 格`);
}

function sheetRows(xml: string, shared: string[], limits: UploadLimits): string[][] {
  const rows: string[][] = [];
  let cells = 0; // every slot of every row kept, padding included
  let row: string[] | undefined;
  let rowNumber = 0;
  let cell: { column: number; type: string | undefined; value: string; inValue: boolean; inline?: StringItem } | undefined;
  const finishRow = () => {
    if (!row) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(row);
    row = undefined;
  };
  scanXml(xml, {
    open(local, attributeText, selfClosing) {
      if (cell) {
        if (local === 'v' && !selfClosing) cell.inValue = true;
        else if (local === 'is') cell.inline = new StringItem();
        else cell.inline?.open(local, selfClosing);
        return;
      }
      if (local === 'dimension') {
        checkDimension(attributesOf(attributeText).get('ref') ?? '', limits);
      } else if (local === 'row') {
        finishRow();
        const r = attributesOf(attributeText).get('r');
        rowNumber = r === undefined ? rows.length + 1 : Number(r);
        if (!Number.isSafeInteger(rowNumber) || rowNumber < 1) throw unreadable(`行号「${String(r).slice(0, 20)}」无效`);
        if (rowNumber <= rows.length) rowNumber = rows.length + 1; // rows out of order are kept in file order
        checkExtent(rowNumber, 1, limits);
        row = [];
        if (selfClosing) finishRow();
      } else if (local === 'c' && row) {
        const attributes = attributesOf(attributeText);
        const r = attributes.get('r');
        const ref = r === undefined ? undefined : parseRef(r);
        if (r !== undefined && !ref) throw unreadable(`单元格引用「${r.slice(0, 20)}」无效`);
        const column = ref ? ref.column : row.length;
        cell = { column, type: attributes.get('t'), value: '', inValue: false };
        if (selfClosing) cell = undefined; // an empty cell: no value, no padding
      }
    },
    close(local) {
      if (cell && local === 'c') {
        const { column, type, value } = cell;
        let text: string;
        if (type === 's') text = shared[Number(value)] ?? '';
        else if (type === 'inlineStr') text = cell.inline?.value ?? '';
        else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
        else text = value;
        cell = undefined;
        if (text === '' || !row) return;
        checkExtent(rowNumber, column + 1, limits);
        if (column >= row.length) {
          cells += column + 1 - row.length;
          if (cells > limits.maxCells) throw tooLarge(`超过 ${limits.maxCells} 个单元格`);
          while (row.length < column) row.push('');
          row.push(text);
        } else row[column] = text;
      } else if (cell) {
        if (local === 'v') cell.inValue = false;
        else cell.inline?.close(local);
      } else if (local === 'row') finishRow();
    },
    text(text) {
      if (!cell) return;
      if (cell.inValue) cell.value += text;
      else cell.inline?.text(text);
    },
  });
  finishRow();
  return rows;
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), targets resolved to ZIP paths. */
function relationships(xml: string | undefined, partPath: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  if (!xml) return found;
  const base = partPath.includes('/') ? partPath.slice(0, partPath.lastIndexOf('/') + 1) : '';
  scanXml(xml, {
    open(local, attributeText) {
      if (local !== 'Relationship') return;
      const attributes = attributesOf(attributeText);
      const id = attributes.get('Id');
      const target = attributes.get('Target');
      if (id && target) found.set(id, { type: attributes.get('Type') ?? '', target: resolvePath(base, target) });
    },
    close() {},
    text() {},
  });
  return found;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/**
 * Reads the sheets of a workbook as rows of strings (numbers as written, booleans as TRUE/FALSE),
 * within `limits` (UPLOAD_LIMITS): only the parts needed are inflated, each within the budget.
 */
export function readXlsx(buffer: Buffer, options: { firstSheetOnly?: boolean; limits?: UploadLimits } = {}): { name: string; rows: string[][] }[] {
  const limits = options.limits ?? UPLOAD_LIMITS;
  let zip: ZipReader;
  try {
    zip = openZip(buffer, limits);
  } catch (error) {
    if (error instanceof BadZipError) throw unreadable(error.message);
    throw error;
  }
  const read = (name: string): string | undefined => {
    try {
      return zip.read(name)?.toString('utf8');
    } catch (error) {
      if (error instanceof ZipTooLargeError) throw tooLarge(error.message);
      if (error instanceof BadZipError) throw unreadable(error.message);
      throw error;
    }
  };
  const officeDocument = [...relationships(read('_rels/.rels'), '').values()].find((rel) => rel.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument?.target ?? 'xl/workbook.xml';
  const workbook = read(workbookPath);
  if (!workbook) throw unreadable('缺少工作簿');
  const targets = relationships(read(relsPathOf(workbookPath)), workbookPath);
  const sharedPath = [...targets.values()].find((rel) => rel.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const declared: { name: string; path: string | undefined }[] = [];
  scanXml(workbook, {
    open(local, attributeText) {
      if (local !== 'sheet') return;
      const attributes = attributesOf(attributeText);
      declared.push({ name: attributes.get('name') ?? '', path: targets.get(prefixedAttribute(attributes, 'id') ?? '')?.target });
    },
    close() {},
    text() {},
  });
  let shared: string[] | undefined;
  const sheets: { name: string; rows: string[][] }[] = [];
  for (const { name, path } of declared) {
    const xml = path ? read(path) : undefined;
    if (!xml) continue;
    shared ??= sharedStrings(read(sharedPath));
    sheets.push({ name, rows: sheetRows(xml, shared, limits) });
    if (options.firstSheetOnly) break;
  }
  if (sheets.length === 0) throw unreadable('文件中没有工作表');
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

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); strips a leading BOM. Rows,
 * columns and fields are held to `limits` (UPLOAD_LIMITS) while parsing.
 */
export function parseCsv(text: string, limits: UploadLimits = UPLOAD_LIMITS): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let cells = 0;
  const endField = () => {
    row.push(field);
    field = '';
    if (row.length > limits.maxColumns) throw tooLarge(`超过 ${limits.maxColumns} 列`);
    if (++cells > limits.maxCells) throw tooLarge(`超过 ${limits.maxCells} 个单元格`);
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows) throw tooLarge(`超过 ${limits.maxRows} 行`);
  };
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
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Reads an upload sent as `{ format, contentBase64 }` into rows of the first sheet, within
 * UPLOAD_LIMITS. Throws BadSpreadsheetError (400 UPLOAD_UNREADABLE / 413 UPLOAD_TOO_LARGE), which
 * the HTTP layer answers as it is.
 */
export function readUpload(format: 'csv' | 'xlsx', contentBase64: string): string[][] {
  const buffer = Buffer.from(contentBase64, 'base64');
  if (format === 'csv') return parseCsv(buffer.toString('utf8'));
  return readXlsx(buffer, { firstSheetOnly: true })[0]?.rows ?? [];
}
