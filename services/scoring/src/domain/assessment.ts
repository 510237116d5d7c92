/**
 * The bank assessment engine (台政发〔2018〕4号, seed 000 §3 L4145–4297; workflows.md §5.1–§5.2).
 * Pure functions over exact rationals: same input, same output, whatever the bank order.
 */
import { DomainError } from '@jingzhun/types';
import {
  add,
  cmp,
  type Dec,
  dec,
  div,
  eq,
  exactPercent,
  gt,
  gte,
  isZero,
  lt,
  max as maxDec,
  min as minDec,
  mul,
  neg,
  percent,
  rational,
  sub,
  sum,
  toDecimalString,
  toFixed,
  ZERO,
} from './decimal.js';
import { type AssessmentParams, ITEM_ORDER, type ItemCode, type RankedItem, type RankingMode } from './params.js';

/** Items 5 and 9 take a score or a place in a rank list (B-10). */
export type ScoreInput = { kind: 'score'; value: string } | { kind: 'rank'; value: number };

/** One bank's figures for the year, 本外币合计 in 万元 as decimal strings (B-8: as given by PBoC). */
export interface BankFigures {
  bankId: string;
  name: string;
  /** L0, L1 */
  loansStart: string;
  loansEnd: string;
  /** ΔOBS and DES (B-7) */
  obsIncrease: string;
  debtEquitySwaps: string;
  /** M0, M1 and the 中长期 parts of ΔOBS/DES (B-7, L4176–4180) */
  mltStart: string;
  mltEnd: string;
  mltObsIncrease: string;
  mltDebtEquitySwaps: string;
  /** Dep1 */
  depositsEnd: string;
  /** R0, R1 */
  restructStart: string;
  restructEnd: string;
  /** Item 5: null = no innovative business ("none" scores 0). */
  innovation: ScoreInput | null;
  /** Item 6: tax retained locally (区财政局). */
  localTax: string;
  /** N0, N1, W and whether any NPL arose during the year (B-6). */
  nplStart: string;
  nplEnd: string;
  nplDisposed: string;
  nplAroseDuringYear: boolean;
  /** Counted outlets (B-11) at the previous and this year end. */
  outletsPrev: number;
  outletsEnd: number;
  /** Item 9: 金融办 routine score. */
  routine: ScoreInput;
  /** BK-4: major violation or risk event in the year. */
  violation: boolean;
}

export type ItemNote =
  | 'ZERO_RULE' // a written zero rule applied (B-2)
  | 'BELOW_THRESHOLD' // 1b growth under the size-class threshold (B-4)
  | 'BASE_ZERO' // growth with a zero base: left out and flagged (B-5)
  | 'NO_NPL' // full marks on 第九条 (B-6)
  | 'NO_INNOVATION'
  | 'DISQUALIFIED'
  | 'ZERO_BASE_RATE'; // 7b with N0 = 0 computed as W/(W+N1) (B-5)

export interface ItemResult {
  item: ItemCode;
  /** The value that produced the rank: an amount in 万元 or a percentage to `ratioDecimals`. */
  value: string | null;
  rank: number | null;
  points: string;
  note?: ItemNote;
}

export interface BankResult {
  bankId: string;
  name: string;
  items: ItemResult[];
  /** Points of 第九条: 7a + 7b, or the full marks for no NPL. */
  item7: string;
  total: string;
  /** Competition rank on the total among eligible banks; null for disqualified banks. */
  totalRank: number | null;
  prize: string | null;
  disqualified: boolean;
}

export interface AssessmentFlag {
  code: 'BASE_ZERO' | 'PRIZE_TIE_UNRESOLVED' | 'ZERO_BASE_RATE';
  bankIds: string[];
  item?: ItemCode;
  message: string;
}

export interface AssessmentResult {
  paramsId: string;
  banks: BankResult[];
  flags: AssessmentFlag[];
}

interface Parsed {
  f: BankFigures;
  L0: Dec;
  L1: Dec;
  OBS: Dec;
  DES: Dec;
  M0: Dec;
  M1: Dec;
  MOBS: Dec;
  MDES: Dec;
  Dep1: Dec;
  R0: Dec;
  R1: Dec;
  tax: Dec;
  N0: Dec;
  N1: Dec;
  W: Dec;
  innovation: Dec | null;
  routine: Dec;
}

export interface FigureIssue {
  bankId: string;
  field: string;
  code: string;
  message: string;
}

function parseField(f: BankFigures, field: keyof BankFigures, issues: FigureIssue[]): Dec {
  const raw = f[field];
  try {
    return dec(String(raw));
  } catch {
    issues.push({ bankId: f.bankId, field, code: 'NOT_A_DECIMAL', message: `${f.name}：${field} 不是合法数值` });
    return ZERO;
  }
}

/** A score input as a rankable value: a score as is; a place in a rank list as −place. */
function scoreValue(input: ScoreInput): Dec {
  return input.kind === 'score' ? dec(input.value) : neg(dec(input.value));
}

/**
 * Checks one year's figures: missing or contradictory figures are refused before any ranking
 * (issue 6 "Bad input"). Returns every issue; an empty list means the figures can be scored.
 */
export function validateFigures(banks: readonly BankFigures[]): FigureIssue[] {
  const issues: FigureIssue[] = [];
  const ids = new Set<string>();
  for (const f of banks) {
    if (ids.has(f.bankId)) issues.push({ bankId: f.bankId, field: 'bankId', code: 'DUPLICATE_BANK', message: `银行 ${f.bankId} 重复` });
    ids.add(f.bankId);
    const nonNegative: (keyof BankFigures)[] = [
      'loansStart',
      'loansEnd',
      'mltStart',
      'mltEnd',
      'depositsEnd',
      'restructStart',
      'restructEnd',
      'localTax',
      'nplStart',
      'nplEnd',
      'nplDisposed',
    ];
    for (const field of nonNegative) {
      const value = parseField(f, field, issues);
      if (lt(value, ZERO)) issues.push({ bankId: f.bankId, field, code: 'NEGATIVE_BALANCE', message: `${f.name}：${field} 不能小于零` });
    }
    for (const field of ['obsIncrease', 'debtEquitySwaps', 'mltObsIncrease', 'mltDebtEquitySwaps'] as const) parseField(f, field, issues);
    const dep = parseField(f, 'depositsEnd', issues);
    if (isZero(dep)) issues.push({ bankId: f.bankId, field: 'depositsEnd', code: 'DEPOSITS_ZERO', message: `${f.name}：年末存款为零，无法计算存贷比` });
    if (gt(parseField(f, 'mltStart', issues), parseField(f, 'loansStart', issues)))
      issues.push({ bankId: f.bankId, field: 'mltStart', code: 'MLT_EXCEEDS_LOANS', message: `${f.name}：年初中长期贷款大于年初贷款余额` });
    if (gt(parseField(f, 'mltEnd', issues), parseField(f, 'loansEnd', issues)))
      issues.push({ bankId: f.bankId, field: 'mltEnd', code: 'MLT_EXCEEDS_LOANS', message: `${f.name}：年末中长期贷款大于年末贷款余额` });
    const npl = ['nplStart', 'nplEnd', 'nplDisposed'].map((field) => parseField(f, field as keyof BankFigures, issues));
    if (!f.nplAroseDuringYear && isZero(npl[0] as Dec) && npl.some((value) => !isZero(value)))
      issues.push({ bankId: f.bankId, field: 'nplAroseDuringYear', code: 'NPL_FLAG_CONTRADICTS', message: `${f.name}：年初无不良但有年末不良或处置额，须标明当年新发生不良` });
    if (!Number.isInteger(f.outletsPrev) || f.outletsPrev < 0 || !Number.isInteger(f.outletsEnd) || f.outletsEnd < 0)
      issues.push({ bankId: f.bankId, field: 'outlets', code: 'NEGATIVE_OUTLETS', message: `${f.name}：网点数须为非负整数` });
    for (const [field, input] of [
      ['innovation', f.innovation],
      ['routine', f.routine],
    ] as const) {
      if (!input) continue;
      try {
        const value = dec(String(input.value));
        if (input.kind === 'score' && (lt(value, ZERO) || gt(value, dec(100))))
          issues.push({ bankId: f.bankId, field, code: 'SCORE_OUT_OF_RANGE', message: `${f.name}：${field} 评分须在 0–100 之间` });
        if (input.kind === 'rank' && (!Number.isInteger(input.value) || input.value < 1))
          issues.push({ bankId: f.bankId, field, code: 'RANK_INVALID', message: `${f.name}：${field} 名次须为正整数` });
      } catch {
        issues.push({ bankId: f.bankId, field, code: 'NOT_A_DECIMAL', message: `${f.name}：${field} 不是合法数值` });
      }
    }
  }
  for (const field of ['innovation', 'routine'] as const) {
    const kinds = new Set(banks.map((f) => f[field]?.kind).filter(Boolean));
    if (kinds.size > 1) issues.push({ bankId: '*', field, code: 'SCORE_KINDS_MIXED', message: `${field}：同一年度不能混用评分与名次` });
  }
  return issues;
}

function parse(f: BankFigures): Parsed {
  return {
    f,
    L0: dec(f.loansStart),
    L1: dec(f.loansEnd),
    OBS: dec(f.obsIncrease),
    DES: dec(f.debtEquitySwaps),
    M0: dec(f.mltStart),
    M1: dec(f.mltEnd),
    MOBS: dec(f.mltObsIncrease),
    MDES: dec(f.mltDebtEquitySwaps),
    Dep1: dec(f.depositsEnd),
    R0: dec(f.restructStart),
    R1: dec(f.restructEnd),
    tax: dec(f.localTax),
    N0: dec(f.nplStart),
    N1: dec(f.nplEnd),
    W: dec(f.nplDisposed),
    innovation: f.innovation ? scoreValue(f.innovation) : null,
    routine: scoreValue(f.routine),
  };
}

/** B-7: Δ = (L1−L0) + w·ΔOBS + v·DES; the M variant uses only the 中长期 parts. L0 is not adjusted. */
export function loanIncrease(p: Pick<Parsed, 'L0' | 'L1' | 'OBS' | 'DES'>, params: Pick<AssessmentParams, 'obsWeight' | 'desWeight'>): Dec {
  return add(add(sub(p.L1, p.L0), mul(dec(params.obsWeight), p.OBS)), mul(dec(params.desWeight), p.DES));
}

/** B-6: no NPL at start, at end, none disposed and none arising during the year. */
export function hasNoNpl(f: Pick<BankFigures, 'nplStart' | 'nplEnd' | 'nplDisposed' | 'nplAroseDuringYear'>): boolean {
  return isZero(dec(f.nplStart)) && isZero(dec(f.nplEnd)) && isZero(dec(f.nplDisposed)) && !f.nplAroseDuringYear;
}

/**
 * rank_points (workflows.md §5.1, B-1, B-3): higher value is better. Competition ranking gives
 * ties one rank (1, 1, 3); dense gives (1, 1, 2); average gives each tied bank the mean of the
 * points of the positions they occupy. Points = max − step·(rank − 1), floored at 0 when asked.
 */
export function rankPoints(
  pool: readonly { id: string; value: Dec }[],
  maxPoints: Dec,
  step: Dec,
  mode: RankingMode,
  floorAtZero: boolean,
): Map<string, { rank: number; points: Dec }> {
  const pointsAt = (position: number): Dec => {
    const raw = sub(maxPoints, mul(step, rational(BigInt(position - 1))));
    return floorAtZero ? maxDec(raw, ZERO) : raw;
  };
  const distinctHigher = (value: Dec) => new Set(pool.filter((other) => gt(other.value, value)).map((other) => toKey(other.value))).size;
  const out = new Map<string, { rank: number; points: Dec }>();
  for (const entry of pool) {
    const higher = pool.filter((other) => gt(other.value, entry.value)).length;
    const tied = pool.filter((other) => eq(other.value, entry.value)).length;
    const competition = higher + 1;
    if (mode === 'dense') {
      const rank = distinctHigher(entry.value) + 1;
      out.set(entry.id, { rank, points: pointsAt(rank) });
    } else if (mode === 'average') {
      const positions = Array.from({ length: tied }, (_, i) => pointsAt(competition + i));
      out.set(entry.id, { rank: competition, points: div(sum(positions), rational(BigInt(tied))) });
    } else {
      out.set(entry.id, { rank: competition, points: pointsAt(competition) });
    }
  }
  return out;
}

function toKey(value: Dec): string {
  return `${value.n}/${value.d}`;
}

interface ItemSpec {
  item: RankedItem;
  /** The value ranked and shown, or null when the bank has none (e.g. no innovation). */
  value: (p: Parsed) => Dec | null;
  /** Why a bank scores 0 without a rank, or undefined when it is in the pool. */
  exclude: (p: Parsed, value: Dec | null) => ItemNote | undefined;
  /** Whether the exclusion is a written zero rule (B-2: configurable) or a structural one. */
  zeroRule: boolean;
  /** Whether the value is a percentage (shown with `ratioDecimals`). */
  ratio: boolean;
}

function itemSpecs(params: AssessmentParams): ItemSpec[] {
  const pct = (n: Dec, d: Dec) => percent(n, d, params.ratioDecimals);
  const delta = (p: Parsed) => loanIncrease(p, params);
  const deltaM = (p: Parsed) => loanIncrease({ L0: p.M0, L1: p.M1, OBS: p.MOBS, DES: p.MDES }, params);
  const threshold = (p: Parsed) => {
    // B-4: the size class uses the year-start balance by default; ≥ boundary is the large class.
    const balance = params.sizeClass.basis === 'start' ? p.L0 : p.L1;
    return gte(balance, dec(params.sizeClass.boundary)) ? dec(params.sizeClass.largeThresholdPct) : dec(params.sizeClass.smallThresholdPct);
  };
  const ldrCap = params.ldrCapPct === null ? null : dec(params.ldrCapPct);
  return [
    // 1a: seed 000 L4157–4162, zero rule "贷款余额较年初未增加的本项不得分" tested on Δ (B-7).
    { item: '1a', value: delta, exclude: (_p, v) => (v && gt(v, ZERO) ? undefined : 'ZERO_RULE'), zeroRule: true, ratio: false },
    // 1b: L4164–4172. Base 0 → left out and flagged (B-5); growth equal to the threshold passes (B-4).
    {
      item: '1b',
      value: (p) => (isZero(p.L0) ? null : pct(delta(p), p.L0)),
      exclude: (p, v) => {
        if (v === null) return 'BASE_ZERO';
        if (!gt(delta(p), ZERO)) return 'ZERO_RULE';
        // The threshold is compared with the exact growth; the 0.01 pp value is for ranking and display.
        return gte(exactPercent(delta(p), p.L0), threshold(p)) ? undefined : 'BELOW_THRESHOLD';
      },
      zeroRule: true,
      ratio: true,
    },
    // 2a: L4182–4186, "未增加的本项不得分".
    { item: '2a', value: deltaM, exclude: (_p, v) => (v && gt(v, ZERO) ? undefined : 'ZERO_RULE'), zeroRule: true, ratio: false },
    // 2b: L4188–4192, no zero rule: every bank ranked (B-2); base 0 left out and flagged (B-5).
    { item: '2b', value: (p) => (isZero(p.M0) ? null : pct(deltaM(p), p.M0)), exclude: (_p, v) => (v === null ? 'BASE_ZERO' : undefined), zeroRule: false, ratio: true },
    // 3: L4194–4198, L1/Dep1 to 2 decimals, higher is better, optional cap (B-9).
    {
      item: '3',
      value: (p) => {
        const ratio = pct(p.L1, p.Dep1);
        return ldrCap ? minDec(ratio, ldrCap) : ratio;
      },
      exclude: () => undefined,
      zeroRule: false,
      ratio: true,
    },
    // 4: L4200–4205, "未增加的本项不得分".
    { item: '4', value: (p) => sub(p.R1, p.R0), exclude: (_p, v) => (v && gt(v, ZERO) ? undefined : 'ZERO_RULE'), zeroRule: true, ratio: false },
    // 5: L4207–4215, "无创新业务的本项不得分" (B-10, B-14).
    { item: '5', value: (p) => p.innovation, exclude: (_p, v) => (v === null ? 'NO_INNOVATION' : undefined), zeroRule: true, ratio: false },
    // 6: L4217–4221, every bank ranked.
    { item: '6', value: (p) => p.tax, exclude: () => undefined, zeroRule: false, ratio: false },
    // 7a: L4229–4231, every bank without no_npl ranked, W = 0 included (B-2, B-6).
    { item: '7a', value: (p) => p.W, exclude: () => undefined, zeroRule: false, ratio: false },
    // 7b: L4233–4239, W/N0; W/(W+N1) when N0 = 0 (B-5).
    {
      item: '7b',
      value: (p) => {
        if (!isZero(p.N0)) return pct(p.W, p.N0);
        if (params.disposalRateZeroBase === 'exclude') return null;
        const base = add(p.W, p.N1);
        return isZero(base) ? pct(ZERO, dec(1)) : pct(p.W, base);
      },
      exclude: (_p, v) => (v === null ? 'BASE_ZERO' : undefined),
      zeroRule: false,
      ratio: true,
    },
    // 9: L4248–4254, 金融办 score, every bank ranked.
    { item: '9', value: (p) => p.routine, exclude: () => undefined, zeroRule: false, ratio: false },
  ];
}

function showValue(spec: ItemSpec, value: Dec | null, p: Parsed, params: AssessmentParams): string | null {
  if (value === null) return null;
  if (spec.ratio) return toFixed(value, params.ratioDecimals);
  const input = spec.item === '5' ? p.f.innovation : spec.item === '9' ? p.f.routine : null;
  if (input) return input.kind === 'rank' ? `第${input.value}名` : toDecimalString(dec(input.value));
  return toDecimalString(value);
}

/**
 * Scores one district's year. Throws 422 FIGURES_INVALID when the figures are missing or
 * contradictory (nothing is ranked on bad data).
 */
export function assess(banks: readonly BankFigures[], params: AssessmentParams): AssessmentResult {
  const issues = validateFigures(banks);
  if (issues.length > 0) throw new DomainError('FIGURES_INVALID', '考核数据缺失或相互矛盾，请更正后再计算', 422, issues);
  if (banks.length === 0) throw new DomainError('NO_BANKS', '没有可考核的银行', 422);

  const parsed = banks.map(parse);
  const flags: AssessmentFlag[] = [];
  const ranked = params.disqualifiedRankedInItems ? parsed : parsed.filter((p) => !p.f.violation);
  const noNpl = new Set(parsed.filter((p) => hasNoNpl(p.f)).map((p) => p.f.bankId));
  const itemResults = new Map<string, ItemResult[]>(parsed.map((p) => [p.f.bankId, []]));

  for (const spec of itemSpecs(params)) {
    const { max, step } = params.items[spec.item];
    const pool: { id: string; value: Dec }[] = [];
    const rows = new Map<string, ItemResult>();
    for (const p of ranked) {
      if ((spec.item === '7a' || spec.item === '7b') && noNpl.has(p.f.bankId)) {
        rows.set(p.f.bankId, { item: spec.item, value: null, rank: null, points: '0', note: 'NO_NPL' });
        continue;
      }
      const value = spec.value(p);
      const note = spec.exclude(p, value);
      // B-2: a written zero rule takes the bank out of the pool; with the option off it keeps its rank but scores 0.
      const keepsRank = note !== undefined && spec.zeroRule && !params.zeroRuleLeavesPool && value !== null && note !== 'NO_INNOVATION';
      if (note === undefined || keepsRank) pool.push({ id: p.f.bankId, value: value as Dec });
      rows.set(p.f.bankId, { item: spec.item, value: showValue(spec, value, p, params), rank: null, points: '0', ...(note ? { note } : {}) });
      if (note === 'BASE_ZERO') {
        flags.push({ code: 'BASE_ZERO', bankIds: [p.f.bankId], item: spec.item, message: `${p.f.name}：${spec.item} 基数为零，未参与排名` });
      }
    }
    const ranks = rankPoints(pool, dec(max), dec(step), params.ranking, params.floorAtZero);
    for (const [id, { rank, points }] of ranks) {
      const row = rows.get(id) as ItemResult;
      row.rank = rank;
      row.points = row.note ? '0' : toDecimalString(points);
    }
    for (const p of parsed) {
      const row = rows.get(p.f.bankId) ?? { item: spec.item, value: showValue(spec, spec.value(p), p, params), rank: null, points: '0', note: 'DISQUALIFIED' as const };
      itemResults.get(p.f.bankId)?.push(row);
    }
  }

  // Item 8 (第十条, L4241–4246; B-11): 2 per net outlet, uncapped unless a cap is set.
  for (const p of parsed) {
    const net = p.f.outletsEnd - p.f.outletsPrev;
    let points = mul(dec(params.outletPointsPerUnit), dec(net));
    if (params.outletCap !== null) points = maxDec(neg(dec(params.outletCap)), minDec(points, dec(params.outletCap)));
    const disqualified = p.f.violation && !params.disqualifiedRankedInItems;
    itemResults
      .get(p.f.bankId)
      ?.push({ item: '8', value: String(net), rank: null, points: disqualified ? '0' : toDecimalString(points), ...(disqualified ? { note: 'DISQUALIFIED' as const } : {}) });
  }

  const results: BankResult[] = parsed.map((p) => {
    const items = (itemResults.get(p.f.bankId) ?? []).sort((a, b) => ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item));
    const pointsOf = (code: ItemCode) => dec(items.find((row) => row.item === code)?.points ?? '0');
    const disqualified = p.f.violation;
    const dropped = disqualified && !params.disqualifiedRankedInItems;
    // B-6: a no-NPL bank gets the whole of 第九条.
    const item7 = dropped ? ZERO : noNpl.has(p.f.bankId) ? dec(params.noNplPoints) : add(pointsOf('7a'), pointsOf('7b'));
    const others = (['1a', '1b', '2a', '2b', '3', '4', '5', '6', '8', '9'] as const).map(pointsOf);
    const total = add(sum(others), item7);
    return { bankId: p.f.bankId, name: p.f.name, items, item7: toDecimalString(item7), total: toDecimalString(total), totalRank: null, prize: null, disqualified };
  });

  allocatePrizes(results, parsed, params, flags);
  // Deterministic output whatever the input order: banks by id, flags by item, code and bank.
  const flagKey = (f: AssessmentFlag) => `${f.item ? ITEM_ORDER.indexOf(f.item).toString().padStart(2, '0') : '99'}|${f.code}|${f.bankIds.join(',')}`;
  flags.sort((a, b) => (flagKey(a) < flagKey(b) ? -1 : flagKey(a) > flagKey(b) ? 1 : 0));
  return { paramsId: params.paramsId, banks: results.sort((a, b) => (a.bankId < b.bankId ? -1 : a.bankId > b.bankId ? 1 : 0)), flags };
}

/**
 * Prizes (BK-6 L4281–4287; B-12): disqualified banks drop out and the banks below move up. Banks are
 * ordered by total; at a tie the sum of objective items 1–4, 6, 7 decides, then 1a, then Δ. Banks
 * still tied share the higher prize and the team is told (flag PRIZE_TIE_UNRESOLVED).
 */
function allocatePrizes(results: BankResult[], parsed: Parsed[], params: AssessmentParams, flags: AssessmentFlag[]): void {
  const eligible = results.filter((r) => !r.disqualified);
  const byId = new Map(parsed.map((p) => [p.f.bankId, p]));
  const pointsOf = (r: BankResult, code: ItemCode) => dec(r.items.find((row) => row.item === code)?.points ?? '0');
  const keyOf = (r: BankResult): Dec[] => {
    const objective = add(sum((['1a', '1b', '2a', '2b', '3', '4', '6'] as const).map((code) => pointsOf(r, code))), dec(r.item7));
    return [dec(r.total), objective, pointsOf(r, '1a'), loanIncrease(byId.get(r.bankId) as Parsed, params)];
  };
  const keys = new Map(eligible.map((r) => [r.bankId, keyOf(r)]));
  const compareKeys = (a: Dec[], b: Dec[]): number => {
    for (let i = 0; i < a.length; i++) {
      const c = cmp(b[i] as Dec, a[i] as Dec);
      if (c !== 0) return c;
    }
    return 0;
  };
  for (const r of eligible) r.totalRank = eligible.filter((other) => gt(dec(other.total), dec(r.total))).length + 1;
  const ordered = [...eligible].sort((a, b) => compareKeys(keys.get(a.bankId) as Dec[], keys.get(b.bankId) as Dec[]) || (a.bankId < b.bankId ? -1 : 1));
  const slots = params.prizes.flatMap((prize) => Array.from({ length: prize.count }, () => prize.grade));
  let position = 0;
  while (position < ordered.length) {
    const head = ordered[position] as BankResult;
    const group = ordered.filter((r) => compareKeys(keys.get(r.bankId) as Dec[], keys.get(head.bankId) as Dec[]) === 0);
    const grade = position < slots.length ? (slots[position] as string) : null;
    for (const r of group) r.prize = grade;
    const last = position + group.length - 1;
    if (grade !== null && group.length > 1 && (last >= slots.length || slots[last] !== grade)) {
      flags.push({
        code: 'PRIZE_TIE_UNRESOLVED',
        bankIds: group.map((r) => r.bankId).sort(),
        message: `${group.map((r) => r.name).join('、')} 在奖项分界处完全并列，均授予${grade}，请考核小组知悉`,
      });
    }
    position += group.length;
  }
}
