/**
 * The entitlement engine: pure functions from (household facts, member facts, period, catalog
 * version, county parameters) to entitlement lines. No I/O, no clock. Every line names its rule,
 * its inputs and its source (`seed 000 SUB-48 L2862–2864: 400 + 10 × (age − 100)`).
 *
 * Units: facts and parameters of catalog type `yuan` are integer fen here (house rule); formulas are
 * written in yuan, so they are evaluated in yuan and the result is rounded once, half up, to fen.
 */
import { formatYuan } from '@jingzhun/types';
import type { CompiledItem, LoadedCatalog } from '../catalog/index.js';
import type { Item, JurisdictionId } from '../catalog/schema.js';
import { evaluateAll, type Facts, type FactValue } from './eligibility.js';
import { type ExactValue, evaluateExact, FormulaEvaluationError, findBand, NoBandError, printFormula } from './expression.js';
import { decimalYuanToFen, fenToYuan, fromNumber, isRational, mul, type Rational, rational, roundHalfUp, toNumber, yuanToFenExact } from './rational.js';
import { applyVersion, carriesForward, type StandardsInForce, type StandardVersion, versionInForce, versionYear } from './standards.js';

export type LineStatus = 'payable' | 'missing-facts' | 'excluded' | 'not-quantified';

export interface EntitlementLine {
  itemId: string;
  nameZh: string;
  kind: Item['kind'];
  /** 'household', a member id, or 'applicant' for items paid to units. */
  subject: string;
  status: LineStatus;
  /** Amount in fen (0 unless payable). */
  amountFen: number;
  /** For 不低于 items: the floor from the documents; the amount paid may be higher (county parameter). */
  floorFen?: number;
  /** The raw value of non-money items (rules, quotas, limits): a number or a date. */
  value?: number | string;
  missingFacts?: string[];
  /** The facts and parameters the rule read, as used (yuan facts in fen). */
  inputs: Record<string, FactValue>;
  source: { seed: string; lines: string; rule: string };
  explanation: string;
  excludedBy?: string;
}

/** County parameters of one jurisdiction, versioned. Values of yuan-typed names are fen. */
export interface ParameterSet {
  jurisdiction: JurisdictionId;
  version: number;
  values: Readonly<Record<string, number | boolean | string>>;
}

export function seedNumber(seedFile: string): string {
  return seedFile.slice(0, 3);
}

export function citation(item: Item): string {
  return `seed ${seedNumber(item.source.seed)} ${item.source.rule} L${item.source.lines.replace('-', '–')}`;
}

/** Calendar bounds of an item's `effective` (a bare year is the whole year; bounds inclusive). */
export function effectiveBounds(item: Item): { from: string; to: string } {
  const from = typeof item.effective.from === 'number' ? `${item.effective.from}-01-01` : item.effective.from;
  const to = typeof item.effective.to === 'number' ? `${item.effective.to}-12-31` : item.effective.to;
  return { from, to };
}

/** An item applies to a period (YYYY-MM) when the month overlaps its effective dates. */
export function isEffectiveIn(item: Item, period: string): boolean {
  const { from, to } = effectiveBounds(item);
  // A standard that carries forward stays in force after `to` until a newer version replaces it.
  return (item.effective.carriesForward === true || `${period}-01` <= to) && `${period}-31` >= from;
}

const MONEY_KINDS_OF_RESULT = new Set(['cash', 'waiver', 'reimbursement', 'in-kind', 'premium-subsidy', 'interest-subsidy', 'award', 'fund', 'loan-term']);

export interface ItemResult {
  status: 'payable' | 'missing-facts' | 'not-eligible' | 'not-quantified';
  amountFen: number;
  floorFen?: number;
  value?: number | string;
  missingFacts?: string[];
  inputs: Record<string, FactValue>;
  explanation: string;
}

function factType(catalog: LoadedCatalog, compiled: CompiledItem, name: string): string | undefined {
  if (compiled.item.parameters?.[name] && !catalog.catalog.facts[name]) return 'number';
  return catalog.catalog.facts[name]?.type;
}

/**
 * Resolves a name: subject facts first, then county parameters, then the item's catalog default.
 * Returns fen for yuan names.
 */
function resolver(catalog: LoadedCatalog, compiled: CompiledItem, facts: Facts, params: ParameterSet | undefined) {
  return (name: string): FactValue | undefined => {
    if (facts[name] !== undefined) return facts[name];
    const param = params?.values[name];
    if (param !== undefined) return param;
    const fallback = compiled.item.parameters?.[name]?.default;
    if (fallback === undefined || fallback === null) return undefined;
    return factType(catalog, compiled, name) === 'yuan' ? decimalYuanToFen(fallback) : fallback;
  };
}

function show(name: string, value: FactValue, type: string | undefined): string {
  if (type === 'yuan' && typeof value === 'number') return `${name}=${formatYuan(value)}元`;
  return `${name}=${String(value)}`;
}

/**
 * Evaluates one item for one subject from its facts. Pure. `facts` holds the subject's facts
 * (household + member + claim inputs merged by the caller).
 */
export function evaluateItem(catalog: LoadedCatalog, compiled: CompiledItem, facts: Facts, params?: ParameterSet): ItemResult {
  const { item } = compiled;
  const resolve = resolver(catalog, compiled, facts, params);
  // Eligibility reads facts and parameters alike (e.g. villageHasFilialFund set by the county).
  const known: Record<string, FactValue> = {};
  const names = new Set<string>([...item.inputs, ...compiled.formulaNames]);
  collectConditionFacts(item.eligibility, names);
  for (const name of names) {
    const value = resolve(name);
    if (value !== undefined) known[name] = value;
  }
  const eligibility = evaluateAll(item.eligibility, known);
  const cite = citation(item);
  const inputs: Record<string, FactValue> = {};
  for (const name of names) if (known[name] !== undefined) inputs[name] = known[name] as FactValue;
  if (eligibility.truth === 'false')
    return {
      status: 'not-eligible',
      amountFen: 0,
      inputs,
      explanation: `${cite}: 条件不满足`,
    };
  const missingForFormula = compiled.formulaNames.filter((name) => known[name] === undefined && !isBandSelectorOnly(compiled, name));
  const bandSelectors = bandSelectorNames(compiled).filter((name) => known[name] === undefined);
  const missing = [...new Set([...eligibility.missing, ...missingForFormula, ...bandSelectors])];
  if (missing.length > 0) {
    return {
      status: 'missing-facts',
      amountFen: 0,
      missingFacts: missing,
      inputs,
      explanation: `${cite}: 缺少事实 ${missing.join('、')}，未计算`,
    };
  }
  const shown = Object.entries(inputs)
    .map(([name, value]) => show(name, value, factType(catalog, compiled, name)))
    .join('，');
  // Fixed amounts.
  if (!compiled.formula) {
    if (item.amount === null) {
      return {
        status: 'not-quantified',
        amountFen: 0,
        inputs,
        explanation: `${cite}: 文件未规定金额，不计算（未量化）`,
      };
    }
    const floorFen = decimalYuanToFen(item.amount);
    let amountFen = floorFen;
    let note = '';
    if (item.isMinimum) {
      const override = params?.values[`paid:${item.id}`];
      if (typeof override === 'number' && override > floorFen) {
        amountFen = override;
        note = `（区县标准 ${formatYuan(override)} 元，高于文件下限）`;
      }
    }
    amountFen = perUnit(item, amountFen, known);
    const per = item.unit === 'mu' && typeof known.plantedAreaMu === 'number' ? ` × ${known.plantedAreaMu}亩` : '';
    return {
      status: 'payable',
      amountFen,
      ...(item.isMinimum ? { floorFen: perUnit(item, floorFen, known) } : {}),
      inputs,
      explanation: `${cite}: ${item.isMinimum ? '不低于 ' : ''}${formatYuan(floorFen)} 元${per}${note}${shown ? `；${shown}` : ''} → ${formatYuan(amountFen)} 元`,
    };
  }
  if (compiled.formulaNames.length > 0 && /banded\(/.test(item.formula ?? '') && !(item.bands ?? []).some((band) => band.from !== undefined && band.rate !== undefined)) {
    // The poor terms adjust a base scheme the seed does not give (adjusts.base): no figure to compute.
    return {
      status: 'not-quantified',
      amountFen: 0,
      inputs,
      explanation: `${cite}: 基础方案（${item.adjusts?.base ?? '未载明'}）的分段比例文件未给出，不计算（未量化）`,
    };
  }
  let value: ExactValue;
  try {
    value = evaluateExact(compiled.formula, (name) => toFormulaValue(resolve(name), factType(catalog, compiled, name)), item.bands ?? []);
  } catch (error) {
    if (error instanceof NoBandError)
      return {
        status: 'not-eligible',
        amountFen: 0,
        inputs,
        explanation: `${cite}: ${error.key}=${String(error.value)} 不在任何档次`,
      };
    if (error instanceof FormulaEvaluationError) {
      return {
        status: 'missing-facts',
        amountFen: 0,
        missingFacts: [],
        inputs,
        explanation: `${cite}: 公式无法计算（${error.message}）`,
      };
    }
    throw error;
  }
  const formulaText = printFormula(item.formula as string);
  if (!isRational(value) || !MONEY_KINDS_OF_RESULT.has(item.kind) || item.unit === 'post') {
    // Non-money values (rules, quotas, limits) leave the formula language as numbers: display only.
    const shownValue = isRational(value) ? toNumber(value) : typeof value === 'boolean' ? String(value) : value;
    return {
      status: 'payable',
      amountFen: 0,
      value: shownValue,
      inputs,
      explanation: `${cite}: ${formulaText}；${shown} → ${String(typeof shownValue === 'number' ? roundForDisplay(shownValue) : shownValue)}`,
    };
  }
  // A payment is never negative: a formula below zero pays nothing (e.g. costs already covered).
  // The exact yuan figure is rounded once, half up, to fen.
  let amountFen = Math.max(0, yuanToFenExact(value));
  let floorFen: number | undefined;
  let note = '';
  if (item.isMinimum) {
    floorFen = amountFen;
    const band = bandOfFormula(compiled, known);
    const override = params?.values[band ? `paid:${item.id}:${String(band)}` : `paid:${item.id}`];
    if (typeof override === 'number' && override > amountFen) {
      amountFen = override;
      note = `（区县标准 ${formatYuan(override)} 元，高于文件下限）`;
    }
  }
  return {
    status: 'payable',
    amountFen,
    ...(floorFen !== undefined ? { floorFen } : {}),
    inputs,
    explanation: `${cite}: ${item.isMinimum ? '不低于 ' : ''}${formulaText}；${shown} → ${formatYuan(floorFen ?? amountFen)} 元${note}`,
  };
}

/** Six decimals in an explanation (display only). */
function roundForDisplay(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A per-mu amount times the planted area, exactly, rounded once half up to fen. */
function perUnit(item: Item, fen: number, known: Record<string, FactValue>): number {
  if (item.unit === 'mu' && typeof known.plantedAreaMu === 'number') return Number(roundHalfUp(mul(rational(BigInt(fen)), fromNumber(known.plantedAreaMu))));
  return fen;
}

/** A fact as the formula reads it: yuan facts (fen) as exact yuan, fen ÷ 100. */
function toFormulaValue(value: FactValue | undefined, type: string | undefined): number | string | boolean | Rational | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === 'yuan' && typeof value === 'number') return fenToYuan(value);
  return value;
}

function collectConditionFacts(conditions: readonly import('../catalog/schema.js').Condition[], into: Set<string>): void {
  for (const condition of conditions) {
    if ('anyOf' in condition) collectConditionFacts(condition.anyOf, into);
    else if ('allOf' in condition) collectConditionFacts(condition.allOf, into);
    else {
      into.add(condition.fact);
      const value = condition.value;
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value) into.add(value.fact);
    }
  }
}

function bandSelectorNames(compiled: CompiledItem): string[] {
  const formula = compiled.item.formula ?? '';
  const names: string[] = [];
  for (const match of formula.matchAll(/band(?:Amount|Rate|Threshold)\((\w+)\)/g)) names.push(match[1] as string);
  return names;
}

function isBandSelectorOnly(compiled: CompiledItem, name: string): boolean {
  return bandSelectorNames(compiled).includes(name);
}

function bandOfFormula(compiled: CompiledItem, known: Record<string, FactValue>): FactValue | undefined {
  const [selector] = bandSelectorNames(compiled);
  if (!selector) return undefined;
  const value = known[selector];
  if (value === undefined || value === null) return undefined;
  const band = findBand(compiled.item.bands ?? [], selector, value);
  return band?.value !== undefined && !Array.isArray(band.value) ? band.value : band ? `${band.from}` : undefined;
}

/** What a computation covers. */
export interface Selection {
  /** Only payment kinds (monthly runs: policy-catalog.md "Monthly payment runs select payment kinds only"). */
  paymentsOnly?: boolean;
  /** Only items of these periods (the monthly run takes 'monthly'). */
  periods?: Item['period'][];
  /** Only these items. */
  itemIds?: readonly string[];
}

export interface HouseholdInput {
  household: Facts;
  members: readonly { memberId: string; facts: Facts }[];
  /** Per-claim inputs by item, optionally for one member: medical bills, actual investment… */
  claims?: readonly { itemId: string; memberId?: string; facts: Facts }[];
}

const PERSON_UNITS = new Set(['person', 'student', 'claim']);

/** The items of a jurisdiction a household computation considers, in catalog order. */
export function selectItems(catalog: LoadedCatalog, jurisdiction: JurisdictionId, period: string, selection: Selection): CompiledItem[] {
  return (catalog.byJurisdiction.get(jurisdiction) ?? []).filter(
    (compiled) =>
      isEffectiveIn(compiled.item, period) &&
      (!selection.paymentsOnly || compiled.isPayment) &&
      (!selection.periods || selection.periods.includes(compiled.item.period)) &&
      (!selection.itemIds || selection.itemIds.includes(compiled.item.id)) &&
      (PERSON_UNITS.has(compiled.item.unit) || compiled.item.unit === 'household' || Boolean(selection.itemIds)),
  );
}

/**
 * selectItems, kept per catalog for the last few (jurisdiction, period, selection): a monthly run
 * asks the same question for every household.
 */
const selectionCache = new WeakMap<LoadedCatalog, Map<string, CompiledItem[]>>();
function selectedItems(catalog: LoadedCatalog, jurisdiction: JurisdictionId, period: string, selection: Selection): CompiledItem[] {
  let cache = selectionCache.get(catalog);
  if (!cache) {
    cache = new Map<string, CompiledItem[]>();
    selectionCache.set(catalog, cache);
  }
  const key = JSON.stringify([jurisdiction, period, selection.paymentsOnly ?? false, selection.periods ?? null, selection.itemIds ?? null]);
  let items = cache.get(key);
  if (!items) {
    if (cache.size >= 32) cache.clear();
    items = selectItems(catalog, jurisdiction, period, selection);
    cache.set(key, items);
  }
  return items;
}

/**
 * All entitlement lines of one household for a period. Lines that are not eligible are left out;
 * lines with missing facts say which; replacements (`stacking.replaces`) pay the replacing item and
 * exclusions (`stacking.excludes`) keep the higher amount.
 */
export function computeHousehold(
  catalog: LoadedCatalog,
  jurisdiction: JurisdictionId,
  period: string,
  input: HouseholdInput,
  params: ParameterSet | undefined,
  selection: Selection = {},
  standards: StandardsInForce = new Map(),
): EntitlementLine[] {
  const lines: EntitlementLine[] = [];
  // Each member's facts over the household's, merged once for all person items (evaluateItem
  // does not change them): merging per item was most of a monthly run's computation and garbage.
  const members = input.members.map((member) => ({ subject: member.memberId, facts: { ...input.household, ...member.facts } }));
  const household = [{ subject: 'household', facts: input.household }];
  const applicant = [{ subject: 'applicant', facts: input.household }];
  for (const selected of selectedItems(catalog, jurisdiction, period, selection)) {
    const standard = carriesForward(selected.item) ? (standards.get(selected.item.id) ?? versionInForce(selected.item, [], period)) : undefined;
    const compiled = standard ? appliedVersion(selected, standard) : selected;
    const standardNote = standard ? noteOfStandard(standard, period) : '';
    const { item } = compiled;
    const subjects: { subject: string; facts: Facts }[] = PERSON_UNITS.has(item.unit) ? members : item.unit === 'household' ? household : applicant;
    for (const { subject, facts } of subjects) {
      const claim = input.claims?.find((c) => c.itemId === item.id && (c.memberId === undefined || c.memberId === subject));
      const result = evaluateItem(catalog, compiled, claim ? { ...facts, ...claim.facts } : facts, params);
      if (result.status === 'not-eligible') continue;
      lines.push({
        itemId: item.id,
        nameZh: item.nameZh,
        kind: item.kind,
        subject,
        status: result.status,
        amountFen: result.status === 'payable' ? result.amountFen : 0,
        ...(result.floorFen !== undefined ? { floorFen: result.floorFen } : {}),
        ...(result.value !== undefined ? { value: result.value } : {}),
        ...(result.missingFacts ? { missingFacts: result.missingFacts } : {}),
        inputs: result.inputs,
        source: {
          seed: item.source.seed,
          lines: item.source.lines,
          rule: item.source.rule,
        },
        explanation: result.explanation + standardNote,
      });
    }
  }
  return applyExclusions(catalog, lines);
}

/** The items as a standard version sets them, built once per version. */
const appliedVersions = new WeakMap<StandardVersion, CompiledItem>();
function appliedVersion(compiled: CompiledItem, version: StandardVersion): CompiledItem {
  let applied = appliedVersions.get(version);
  if (!applied) {
    applied = applyVersion(compiled, version);
    appliedVersions.set(version, applied);
  }
  return applied;
}

/** Says which standard a line used: a county version's document, and 沿用 when older than the period's year. */
function noteOfStandard(version: StandardVersion, period: string): string {
  const year = versionYear(version);
  const document = version.version > 0 ? `；标准第 ${version.version} 版（${version.document.number}，${version.effectiveFrom} 起）` : '';
  return `${document}${year < Number(period.slice(0, 4)) ? `（沿用${year}年标准）` : ''}`;
}

/**
 * Stacking relations between one subject's lines (policy-catalog.md "Items that stack or exclude
 * each other"), in two steps:
 * 1. `replaces`: where the replacing item is payable, the replaced line is excluded whatever its
 *    amount (the poor version of 大病保险 replaces the general one, its 50万 cap included: seed 000
 *    SUB-37 L2400–2404, SUB-39 L2909–2911). Where the replacing item waits for a fact, so does the
 *    replaced one: which of the two applies is not known yet.
 * 2. `excludes`: true alternatives, the higher amount is paid and the other is excluded (a tie goes
 *    to the item listed first in the catalog).
 */
export function applyExclusions(catalog: LoadedCatalog, lines: EntitlementLine[]): EntitlementLine[] {
  applyReplacements(catalog, lines);
  const payable = lines.filter((line) => line.status === 'payable');
  for (const line of payable) {
    if (line.status !== 'payable') continue;
    const excludes = catalog.items.get(line.itemId)?.item.stacking?.excludes ?? [];
    for (const other of payable) {
      if (other === line || other.subject !== line.subject || other.status !== 'payable') continue;
      const otherExcludes = catalog.items.get(other.itemId)?.item.stacking?.excludes ?? [];
      if (!excludes.includes(other.itemId) && !otherExcludes.includes(line.itemId)) continue;
      const loser = other.amountFen > line.amountFen ? line : other;
      const winner = loser === line ? other : line;
      loser.status = 'excluded';
      loser.excludedBy = winner.itemId;
      loser.explanation += `；与 ${winner.itemId} 不得同时享受，按较高者 ${formatYuan(winner.amountFen)} 元发放`;
      loser.amountFen = 0;
      if (loser === line) break;
    }
  }
  return lines;
}

function applyReplacements(catalog: LoadedCatalog, lines: EntitlementLine[]): void {
  const replacing = lines.filter(
    (line) => (line.status === 'payable' || line.status === 'missing-facts') && (catalog.items.get(line.itemId)?.item.stacking?.replaces ?? []).length > 0,
  );
  for (const replacer of replacing) {
    const replaces = catalog.items.get(replacer.itemId)?.item.stacking?.replaces ?? [];
    for (const line of lines) {
      if (line.subject !== replacer.subject || !replaces.includes(line.itemId) || line.status === 'excluded') continue;
      if (replacer.status === 'payable') {
        line.status = 'excluded';
        line.excludedBy = replacer.itemId;
        line.amountFen = 0;
        delete line.missingFacts;
        line.explanation += `；由 ${replacer.itemId}（${replacer.nameZh}）取代，按其标准 ${formatYuan(replacer.amountFen)} 元发放`;
      } else if (line.status === 'payable') {
        const missing = replacer.missingFacts ?? [];
        line.status = 'missing-facts';
        line.amountFen = 0;
        line.missingFacts = [...new Set([...(line.missingFacts ?? []), ...missing])];
        line.explanation += `；是否由 ${replacer.itemId}（${replacer.nameZh}）取代尚不确定${missing.length > 0 ? `（缺少 ${missing.join('、')}）` : ''}，未计算`;
      }
    }
  }
}

/** The payable total of lines (fen). */
export function totalFen(lines: readonly EntitlementLine[]): number {
  return lines.reduce((sum, line) => sum + (line.status === 'payable' ? line.amountFen : 0), 0);
}
