import { checkIdNumber, DomainError, ID_PROBLEM_MESSAGES, type identificationApi } from '@jingzhun/types';

/**
 * Cross-department comparison 比对 (workflows.md §1.2 "Exclusion checks"): department lists are
 * matched by ID number to the register; each match becomes a hit on the household with the
 * severity of its check. `block` excludes unless the county overrides with a written reason;
 * `review` goes to the villagers' representative meeting with a reason; `info` updates facts
 * that the department owns (民政 低保/特困, 残联 disability: 004 ID-23 L904).
 */
export type ComparisonSource = identificationApi.Hit['source'];
export type Severity = identificationApi.Hit['severity'];
export type HitRecord = identificationApi.Hit;

/**
 * Each list belongs to the department that holds the data (workflows.md §1.2 "Exclusion checks"
 * table, Source column): `department` is the department claim of the staff who may upload it.
 * `null`: no department account holds it (the banks' deposit results reach the county).
 */
export const SOURCES: Record<ComparisonSource, { severity: Severity; labelZh: string; department: string | null; departmentZh: string; citation: string }> = {
  'caizheng-payroll': { severity: 'block', labelZh: '财政供养人员', department: 'caizheng', departmentZh: '财政部门', citation: 'workflows.md §1.2 (ANC §3)' },
  'gongan-death': { severity: 'block', labelZh: '公安死亡注销', department: 'gongan', departmentZh: '公安部门', citation: 'workflows.md §1.2; 003 ID-19 L721' },
  'gongan-move': { severity: 'review', labelZh: '公安户籍迁移', department: 'gongan', departmentZh: '公安部门', citation: 'workflows.md §1.2; 003 ID-19' },
  vehicle: { severity: 'review', labelZh: '车辆登记（农用车除外）', department: 'gongan', departmentZh: '公安交管部门', citation: 'workflows.md §1.2; 003 ID-19 L721' },
  'real-estate': { severity: 'review', labelZh: '商品房或其他不动产', department: 'zhujian', departmentZh: '不动产、房管部门', citation: 'workflows.md §1.2; 003 ID-19' },
  business: { severity: 'review', labelZh: '工商注册（公司或个体）', department: 'shichang', departmentZh: '市场监管部门', citation: 'workflows.md §1.2; 003 ID-19' },
  'tax-fund': { severity: 'review', labelZh: '纳税、公积金或职工社保', department: 'shuiwu', departmentZh: '税务部门', citation: 'workflows.md §1.2; 003 ID-19' },
  finance: { severity: 'review', labelZh: '存款、保险或证券', department: null, departmentZh: '金融机构（经区扶贫办）', citation: 'workflows.md §1.2; 003 ID-19' },
  'minzheng-dibao': { severity: 'info', labelZh: '民政低保名单', department: 'minzheng', departmentZh: '民政部门', citation: '004 ID-23 L904' },
  'minzheng-tekun': { severity: 'info', labelZh: '民政特困名单', department: 'minzheng', departmentZh: '民政部门', citation: '004 ID-23 L904' },
  'canlian-disability': { severity: 'info', labelZh: '残联持证残疾人', department: 'canlian', departmentZh: '残联', citation: '004 ID-23 L904' },
};

/**
 * Who may upload a list: the department that owns it; the county (which runs the comparison,
 * workflows.md §1.2) for the block and review lists it collects, but never an `info` list, whose
 * confirmation sets a fact that only its department decides (民政 低保/特困, 残联: 004 ID-23 L904).
 */
export function assertMayImport(source: ComparisonSource, caller: { role: string; department?: string | undefined }): void {
  const owner = SOURCES[source];
  if (caller.role === 'department' && caller.department === owner.department) return;
  if (caller.role === 'county' && owner.severity !== 'info') return;
  throw new DomainError('SOURCE_NOT_OWNED', `“${owner.labelZh}”只能由${owner.departmentZh}上传`, 403, { source, department: owner.department });
}

export interface ParsedRow {
  row: number;
  idNumber: string;
  name: string;
  detail: string;
}

export interface RowProblem {
  row: number;
  problem: string;
  message: string;
}

const ID_HEADERS = ['身份证号', '身份证号码', '公民身份号码', 'idnumber'];
const NAME_HEADERS = ['姓名', 'name'];
const DETAIL_HEADERS = ['说明', '备注', '详情', '内容', 'detail'];

/**
 * Reads a department list: a header row naming the ID-number and name columns, then one person
 * per row. Every broken row is reported with its 1-based row number; the caller applies nothing
 * when any row is broken.
 */
export function parseDepartmentList(rows: readonly string[][], today: string): { rows: ParsedRow[]; problems: RowProblem[] } {
  const nonEmpty = rows.map((cells, index) => ({ cells, row: index + 1 })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) throw new DomainError('UPLOAD_EMPTY', '上传的名单没有内容', 400);
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const idColumn = columns.findIndex((cell) => ID_HEADERS.includes(cell));
  const nameColumn = columns.findIndex((cell) => NAME_HEADERS.includes(cell));
  const detailColumn = columns.findIndex((cell) => DETAIL_HEADERS.includes(cell));
  if (idColumn < 0 || nameColumn < 0) {
    throw new DomainError('UPLOAD_HEADER_INVALID', '首行须为表头，并包含“身份证号”和“姓名”两列', 400, { header: header.cells });
  }
  const parsed: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of nonEmpty.slice(1)) {
    const name = (cells[nameColumn] ?? '').trim();
    const check = checkIdNumber(cells[idColumn] ?? '', today);
    if (!check.ok) {
      problems.push({ row, problem: `ID_${check.problem}`, message: ID_PROBLEM_MESSAGES[check.problem] });
      continue;
    }
    if (!name) {
      problems.push({ row, problem: 'NAME_MISSING', message: '姓名为空' });
      continue;
    }
    const earlier = seen.get(check.value);
    if (earlier !== undefined) {
      problems.push({ row, problem: 'DUPLICATE_ROW', message: `与第${earlier}行身份证号重复` });
      continue;
    }
    seen.set(check.value, row);
    parsed.push({ row, idNumber: check.value, name, detail: detailColumn >= 0 ? (cells[detailColumn] ?? '').trim() : '' });
  }
  if (parsed.length === 0 && problems.length === 0) throw new DomainError('UPLOAD_EMPTY', '名单只有表头，没有数据行', 400);
  return { rows: parsed, problems };
}

/** A hit is open until someone decided it (workflows.md §1.2). */
export function openHits(hits: readonly HitRecord[], severity: Severity): HitRecord[] {
  return hits.filter((hit) => hit.severity === severity && !hit.decision);
}

/** A `block` hit stays in force unless dismissed (wrong match) or overridden by the county with a reason. */
export function unresolvedBlocks(hits: readonly HitRecord[]): HitRecord[] {
  return hits.filter((hit) => hit.severity === 'block' && (!hit.decision || hit.decision.outcome === 'confirmed'));
}

/** Who may decide a hit: overriding a block is the county's (workflows.md §1.2: "unless CPO overrides it"). */
export function assertMayDecide(hit: HitRecord, outcome: 'confirmed' | 'dismissed' | 'overridden', role: string): void {
  if (hit.decision) throw new DomainError('HIT_ALREADY_DECIDED', '该比对结果已审核', 409);
  if (outcome === 'overridden' && (hit.severity !== 'block' || role !== 'county')) {
    throw new DomainError('OVERRIDE_NOT_ALLOWED', '只有区县扶贫办可以书面理由否决“阻断”类比对结果', 403);
  }
}

/** Turns matched rows into hits: one per person found in the register, with the source's severity. */
export function buildHits(
  rows: readonly ParsedRow[],
  guards: ReadonlyMap<string, { householdId: string; memberId: string }>,
  households: ReadonlyMap<string, { members: readonly { memberId: string; name: string }[] }>,
  ctx: { source: ComparisonSource; importId: string; createdAt: string },
): HitRecord[] {
  const hits: HitRecord[] = [];
  for (const row of rows) {
    const guard = guards.get(row.idNumber);
    const household = guard ? households.get(guard.householdId) : undefined;
    if (!guard || !household) continue;
    const member = household.members.find((m) => m.memberId === guard.memberId);
    hits.push({
      hitId: `${ctx.importId}-${guard.memberId}`,
      householdId: guard.householdId,
      memberId: guard.memberId,
      memberName: member?.name ?? row.name,
      source: ctx.source,
      severity: SOURCES[ctx.source].severity,
      detail: row.detail || SOURCES[ctx.source].labelZh,
      importId: ctx.importId,
      createdAt: ctx.createdAt,
    });
  }
  return hits;
}

/**
 * A confirmed `info` hit updates the facts its department owns (004 ID-23 L904): 民政 低保/特困
 * flags (and so the attribute), 残联 disability. Other hits change nothing but their decision.
 */
export function applyHitDecision<H extends { dibao: boolean; tekun: boolean; members: { memberId: string; health: string }[] }>(
  household: H,
  hit: HitRecord,
): { household: H; changes: string[] } {
  if (hit.decision?.outcome !== 'confirmed') return { household, changes: [] };
  if (hit.source === 'minzheng-dibao' && !household.dibao) return { household: { ...household, dibao: true }, changes: ['dibao'] };
  if (hit.source === 'minzheng-tekun' && !household.tekun) return { household: { ...household, tekun: true }, changes: ['tekun'] };
  if (hit.source === 'canlian-disability') {
    const members = household.members.map((m) => (m.memberId === hit.memberId ? { ...m, health: 'disabled' } : m));
    return { household: { ...household, members }, changes: ['members'] };
  }
  return { household, changes: [] };
}
