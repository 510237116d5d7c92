/**
 * Standards that carry forward (docs/decisions.md, Subsidy 20). An item whose catalog effective
 * dates carry forward is paid on the latest approved version of its standard in force for the
 * period; version 0 is the document in the catalog (e.g. 专栏20 "2017年标准"). A county version sets
 * the same terms (a fixed amount, band amounts, or the formula's standard parameters) from an
 * effective date, citing its document. Pure: no I/O.
 */
import { DomainError } from '@jingzhun/types';
import type { CompiledItem, LoadedCatalog } from '../catalog/index.js';
import type { Band, Item, JurisdictionId } from '../catalog/schema.js';
import { ABSURD_FEN } from './parameters.js';
import { decimalYuanToFen } from './rational.js';

export type StandardStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** The terms of a standard; money in fen. Exactly the terms of the item's shape. */
export interface StandardTerms {
  amountFen?: number;
  /** Band label (see `bandLabel`) → amount. */
  bandAmountsFen?: Record<string, number>;
  /** Standard parameter of the formula → amount. */
  valuesFen?: Record<string, number>;
}

export interface StandardVersion extends StandardTerms {
  itemId: string;
  /** 0: the catalog's (the seed document's) standard. */
  version: number;
  /** YYYY-MM-DD: in force from this day until a later approved version. */
  effectiveFrom: string;
  document: { number: string; title: string };
  status: StandardStatus;
}

export type StandardShape =
  | { kind: 'amount'; amountFen: number }
  | { kind: 'bands'; bands: { label: string; labelZh: string; amountFen: number }[] }
  | { kind: 'values'; values: { name: string; labelZh: string; amountFen: number }[] };

const VALUE_LABELS: Record<string, string> = {
  scattered: '社会散居',
  institutional: '集中供养',
};

/** A band's stable label: its categorical value, or `from-to` (to open: `from-`). */
export function bandLabel(band: Band): string {
  if (band.value !== undefined && band.value !== null) return Array.isArray(band.value) ? band.value.join('|') : String(band.value);
  return `${band.from ?? ''}-${band.to ?? ''}`;
}

function bandLabelZh(band: Band): string {
  if (band.value !== undefined && band.value !== null) {
    const values = Array.isArray(band.value) ? band.value : [band.value];
    return values.map((v) => VALUE_LABELS[String(v)] ?? String(v)).join('、');
  }
  if (band.key === 'age') return band.to == null ? `${band.from}周岁及以上` : `${band.from}—${band.to - 1}周岁`;
  return band.to == null ? `${band.from} 及以上` : `${band.from} 至 ${band.to} 以下`;
}

export function carriesForward(item: Item): boolean {
  return item.effective.carriesForward === true;
}

/** The items of a jurisdiction whose standard carries forward, in catalog order. */
export function standardItems(catalog: LoadedCatalog, jurisdiction: JurisdictionId): CompiledItem[] {
  return (catalog.byJurisdiction.get(jurisdiction) ?? []).filter((c) => carriesForward(c.item));
}

function amountBands(item: Item): Band[] {
  return (item.bands ?? []).filter((band) => band.amount !== undefined);
}

/** What a version of this item's standard sets, with the catalog's figures (for a form). */
export function standardShape(item: Item): StandardShape {
  if (item.amount !== null) return { kind: 'amount', amountFen: decimalYuanToFen(item.amount) };
  const bands = amountBands(item);
  if (item.formula?.startsWith('bandAmount(') && bands.length > 0) {
    return { kind: 'bands', bands: bands.map((band) => ({ label: bandLabel(band), labelZh: bandLabelZh(band), amountFen: decimalYuanToFen(band.amount as number) })) };
  }
  const values = Object.entries(item.parameters ?? {}).filter(([, p]) => p.standard && p.default !== null);
  if (values.length > 0) return { kind: 'values', values: values.map(([name, p]) => ({ name, labelZh: p.note ?? name, amountFen: decimalYuanToFen(p.default as number) })) };
  // A formula of county parameters only (e.g. 15 kWh × tariff): its terms are the county's parameters.
  return { kind: 'values', values: [] };
}

export function effectiveFromOf(item: Item): string {
  return typeof item.effective.from === 'number' ? `${item.effective.from}-01-01` : item.effective.from;
}

const catalogVersions = new WeakMap<Item, StandardVersion>();

/** Version 0: the standard as the seed document gives it (one object per catalog item). */
export function catalogVersion(item: Item): StandardVersion {
  let version = catalogVersions.get(item);
  if (!version) {
    version = buildCatalogVersion(item);
    catalogVersions.set(item, version);
  }
  return version;
}

function buildCatalogVersion(item: Item): StandardVersion {
  const shape = standardShape(item);
  return {
    itemId: item.id,
    version: 0,
    effectiveFrom: effectiveFromOf(item),
    document: { number: `seed ${item.source.seed.slice(0, 3)} ${item.source.rule}`, title: item.source.quoteZh },
    status: 'APPROVED',
    ...termsOfShape(shape),
  };
}

function termsOfShape(shape: StandardShape): StandardTerms {
  if (shape.kind === 'amount') return { amountFen: shape.amountFen };
  if (shape.kind === 'bands') return { bandAmountsFen: Object.fromEntries(shape.bands.map((b) => [b.label, b.amountFen])) };
  return { valuesFen: Object.fromEntries(shape.values.map((v) => [v.name, v.amountFen])) };
}

const bad = (code: string, message: string, details?: unknown) => new DomainError(code, message, 400, details);

function checkFen(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw bad('AMOUNT_NOT_FEN', `${name} 为金额，须为整数分`, { name });
  if (value < 0) throw bad('AMOUNT_NEGATIVE', `${name} 不能为负数`, { name, value });
  if (value > ABSURD_FEN) throw bad('AMOUNT_ABSURD', `${name} 金额过大（超过 1 亿元），请核对单位（分）`, { name, value });
}

/**
 * Checks a proposed version's terms against the item's shape: the same terms, all of them, in fen;
 * an effective date not before the catalog's. Returns the terms to store.
 */
export function validateTerms(item: Item, terms: StandardTerms, effectiveFrom: string): StandardTerms {
  if (!carriesForward(item)) throw bad('NOT_A_STANDARD', `${item.nameZh}（${item.id}）不是可续用的标准，不能录入新版本`, { item: item.id });
  if (effectiveFrom < effectiveFromOf(item)) throw bad('EFFECTIVE_BEFORE_CATALOG', `生效日期不得早于文件标准的生效日期 ${effectiveFromOf(item)}`, { effectiveFrom });
  const shape = standardShape(item);
  const given = (['amountFen', 'bandAmountsFen', 'valuesFen'] as const).filter((k) => terms[k] !== undefined);
  const expected = shape.kind === 'amount' ? 'amountFen' : shape.kind === 'bands' ? 'bandAmountsFen' : 'valuesFen';
  if (shape.kind === 'values' && shape.values.length === 0) {
    throw bad('STANDARD_SET_BY_PARAMETERS', `${item.nameZh} 的金额由区县参数决定（${item.formula}），请修改区县参数`, { item: item.id });
  }
  if (given.length !== 1 || given[0] !== expected) throw bad('STANDARD_TERMS', `${item.nameZh} 的标准须填写 ${expected}（且只填写此项）`, { item: item.id, expected });
  if (expected === 'amountFen') {
    checkFen('amountFen', terms.amountFen);
    return { amountFen: terms.amountFen as number };
  }
  const wanted = shape.kind === 'bands' ? shape.bands.map((b) => b.label) : shape.kind === 'values' ? shape.values.map((v) => v.name) : [];
  const record = (terms[expected] ?? {}) as Record<string, number>;
  const names = Object.keys(record);
  const unknown = names.filter((n) => !wanted.includes(n));
  const missing = wanted.filter((n) => !names.includes(n));
  if (unknown.length > 0 || missing.length > 0) throw bad('STANDARD_TERMS', `${item.nameZh} 的标准须逐档填写：${wanted.join('、')}`, { item: item.id, unknown, missing });
  for (const [name, value] of Object.entries(record)) checkFen(name, value);
  return { [expected]: { ...record } };
}

/** The version in force for a period: the latest approved one effective by the period's last day. */
export function versionInForce(item: Item, versions: readonly StandardVersion[], period: string): StandardVersion | undefined {
  const lastDay = `${period}-31`;
  const candidates = [catalogVersion(item), ...versions.filter((v) => v.status === 'APPROVED')].filter((v) => v.effectiveFrom <= lastDay);
  return candidates.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
}

/** The item as the version sets it (same compiled formula; amounts, bands or parameter defaults replaced). */
export function applyVersion(compiled: CompiledItem, version: StandardVersion): CompiledItem {
  const { item } = compiled;
  if (version.version === 0) return compiled;
  const yuan = (fen: number) => fen / 100;
  const next: Item = { ...item };
  if (version.amountFen !== undefined) next.amount = yuan(version.amountFen);
  if (version.bandAmountsFen)
    next.bands = (item.bands ?? []).map((band) =>
      band.amount !== undefined && version.bandAmountsFen?.[bandLabel(band)] !== undefined ? { ...band, amount: yuan(version.bandAmountsFen[bandLabel(band)] as number) } : band,
    );
  if (version.valuesFen) {
    next.parameters = Object.fromEntries(
      Object.entries(item.parameters ?? {}).map(([name, p]) => [name, version.valuesFen?.[name] !== undefined ? { ...p, default: yuan(version.valuesFen[name] as number) } : p]),
    );
  }
  return { ...compiled, item: next };
}

/** The year of a version's standard (its effective date). */
export function versionYear(version: StandardVersion): number {
  return Number(version.effectiveFrom.slice(0, 4));
}

/** The standards in force for one computation, by item id. */
export type StandardsInForce = ReadonlyMap<string, StandardVersion>;
