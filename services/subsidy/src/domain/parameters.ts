/**
 * County parameters: values the documents leave to the county (低保 standards, tariffs, village
 * amounts) or set as floors a county may raise (不低于). Pure validation: a value of the wrong type,
 * negative or absurd, below a floor, or one that would make a formula invalid is refused (400).
 */
import { DomainError, formatYuan } from '@jingzhun/types';
import type { LoadedCatalog } from '../catalog/index.js';
import type { JurisdictionId } from '../catalog/schema.js';
import { evaluateItem, type ParameterSet } from './engine.js';
import { findBand, NoBandError } from './expression.js';
import { decimalYuanToFen } from './rational.js';

/** Catalog facts that are jurisdiction-wide settings rather than facts of a household. */
export const JURISDICTION_FACTS = [
  'dibaoMonthlyStandard',
  'dibaoStandard',
  'electricityTariff',
  'villageSetAmount',
  'villageHasFilialFund',
  'individualContribution',
  'medicalIndividualContribution',
  'minimumTierContribution',
  'tier1IndividualContribution',
  'statutoryPensionAge',
  'provincialPovertyLine',
  'municipalPovertyLine',
  'benchmarkRate',
  'localMinimumWage',
  'localFarmerAverageIncome',
  'publicWelfarePostSubsidy',
  'rehabSubsidyAmount',
] as const;

/** 1 亿元 in fen: any money parameter above it is taken as a typing error. */
export const ABSURD_FEN = 10_000_000_000;

export interface ParameterDefinition {
  name: string;
  type: 'yuan' | 'number' | 'ratio' | 'boolean';
  /** Floor in fen (不低于) or minimum number. */
  minimum?: number;
  /** For a ranged amount (e.g. 10—30 元 孝善养老金). */
  maximum?: number;
  items: string[];
  note: string;
}

export function parameterDefinitions(catalog: LoadedCatalog, jurisdiction: JurisdictionId): Map<string, ParameterDefinition> {
  const defs = new Map<string, ParameterDefinition>();
  const items = catalog.byJurisdiction.get(jurisdiction) ?? [];
  const add = (def: ParameterDefinition) => {
    const existing = defs.get(def.name);
    if (existing) existing.items.push(...def.items.filter((id) => !existing.items.includes(id)));
    else defs.set(def.name, def);
  };
  for (const { item, formulaNames } of items) {
    for (const [name, param] of Object.entries(item.parameters ?? {})) {
      // A standard's own terms change through standard versions (maker–checker), not here.
      if (param.standard) continue;
      const type = catalog.catalog.facts[name]?.type === 'yuan' ? 'yuan' : 'number';
      add({
        name,
        type,
        ...(param.isMinimum && param.default !== null
          ? {
              minimum: type === 'yuan' ? decimalYuanToFen(param.default) : param.default,
            }
          : {}),
        items: [item.id],
        note: param.note ?? (param.isMinimum ? '不低于文件标准' : '文件默认值'),
      });
    }
    const names = new Set<string>([...formulaNames, ...item.inputs]);
    for (const name of JURISDICTION_FACTS) {
      if (!names.has(name)) continue;
      const factType = catalog.catalog.facts[name]?.type;
      const type = factType === 'yuan' ? 'yuan' : factType === 'boolean' ? 'boolean' : factType === 'ratio' ? 'ratio' : 'number';
      add({
        name,
        type,
        ...(item.range && item.formula === name
          ? {
              minimum: decimalYuanToFen(item.range.min),
              maximum: decimalYuanToFen(item.range.max),
            }
          : {}),
        items: [item.id],
        note: catalog.catalog.facts[name]?.meaning ?? '区县设定',
      });
    }
    if (item.isMinimum && item.amount !== null) {
      add({
        name: `paid:${item.id}`,
        type: 'yuan',
        minimum: decimalYuanToFen(item.amount),
        items: [item.id],
        note: `实发标准（不低于 ${item.amount} 元）`,
      });
    }
    if (item.isMinimum && item.formula?.startsWith('bandAmount(')) {
      for (const band of item.bands ?? []) {
        if (band.amount === undefined || band.value === undefined || Array.isArray(band.value)) continue;
        add({
          name: `paid:${item.id}:${String(band.value)}`,
          type: 'yuan',
          minimum: decimalYuanToFen(band.amount),
          items: [item.id],
          note: `实发标准（不低于 ${band.amount} 元）`,
        });
      }
    }
  }
  return defs;
}

const bad = (code: string, message: string, details?: unknown) => new DomainError(code, message, 400, details);

/**
 * Checks a change of parameters and returns the merged values. Throws 400 with a stable code:
 * UNKNOWN_PARAMETER, PARAMETER_TYPE, PARAMETER_NEGATIVE, PARAMETER_ABSURD, PARAMETER_BELOW_FLOOR,
 * PARAMETER_OUT_OF_RANGE, PARAMETER_MAKES_FORMULA_INVALID.
 */
export function validateParameters(
  catalog: LoadedCatalog,
  jurisdiction: JurisdictionId,
  current: Readonly<Record<string, number | boolean | string>>,
  changes: Readonly<Record<string, number | boolean | null>>,
): Record<string, number | boolean | string> {
  const defs = parameterDefinitions(catalog, jurisdiction);
  const merged: Record<string, number | boolean | string> = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    const def = defs.get(name);
    if (!def) throw bad('UNKNOWN_PARAMETER', `参数 ${name} 不是 ${jurisdiction} 可设定的参数`, { name, allowed: [...defs.keys()] });
    if (value === null) {
      delete merged[name];
      continue;
    }
    if (def.type === 'boolean') {
      if (typeof value !== 'boolean')
        throw bad('PARAMETER_TYPE', `参数 ${name} 须为 true 或 false`, {
          name,
        });
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('PARAMETER_TYPE', `参数 ${name} 须为数字`, { name });
      if (def.type === 'yuan' && !Number.isInteger(value))
        throw bad('PARAMETER_TYPE', `参数 ${name} 为金额，须为整数分`, {
          name,
        });
      if (value < 0)
        throw bad('PARAMETER_NEGATIVE', `参数 ${name} 不能为负数`, {
          name,
          value,
        });
      if (def.type === 'yuan' && value > ABSURD_FEN) throw bad('PARAMETER_ABSURD', `参数 ${name} 金额过大（超过 1 亿元），请核对单位（分）`, { name, value });
      if (def.type === 'ratio' && value > 1)
        throw bad('PARAMETER_ABSURD', `参数 ${name} 为比例，须在 0 到 1 之间`, {
          name,
          value,
        });
      if (def.type === 'number' && value > 1_000_000) throw bad('PARAMETER_ABSURD', `参数 ${name} 数值过大`, { name, value });
      if (def.minimum !== undefined && value < def.minimum) {
        const text = def.type === 'yuan' ? `${formatYuan(def.minimum)} 元` : String(def.minimum);
        throw bad(def.maximum !== undefined ? 'PARAMETER_OUT_OF_RANGE' : 'PARAMETER_BELOW_FLOOR', `参数 ${name} 不得低于 ${text}（文件规定）`, {
          name,
          value,
          minimum: def.minimum,
        });
      }
      if (def.maximum !== undefined && value > def.maximum) {
        throw bad('PARAMETER_OUT_OF_RANGE', `参数 ${name} 不得高于 ${formatYuan(def.maximum)} 元（文件规定区间）`, { name, value, maximum: def.maximum });
      }
    }
    merged[name] = value;
  }
  assertFormulasValid(catalog, jurisdiction, merged, Object.keys(changes));
  return merged;
}

/**
 * Trial evaluation of every formula that reads a changed parameter, with the subject's own facts set
 * to neutral values: a formula that no longer gives a finite, non-negative figure is refused
 * (e.g. statutoryPensionAge 3 would make "statutoryPensionAge − 5" negative).
 */
function assertFormulasValid(catalog: LoadedCatalog, jurisdiction: JurisdictionId, values: Record<string, number | boolean | string>, changed: string[]): void {
  const params: ParameterSet = { jurisdiction, version: 0, values };
  for (const compiled of catalog.byJurisdiction.get(jurisdiction) ?? []) {
    if (!compiled.formula || !changed.some((name) => compiled.formulaNames.includes(name))) continue;
    const facts: Record<string, number | string | boolean> = {};
    for (const name of compiled.formulaNames) {
      if (values[name] !== undefined) continue;
      const type = catalog.catalog.facts[name]?.type;
      const band = (compiled.item.bands ?? []).find((b) => b.key === name);
      if (band?.value !== undefined && band.value !== null) facts[name] = Array.isArray(band.value) ? (band.value[0] as string) : band.value;
      else if (band?.from !== undefined) facts[name] = band.from;
      else facts[name] = type === 'date' ? '2018-01-01' : type === 'ratio' ? 0.5 : type === 'yuan' ? 100_000 : 100;
    }
    // Eligibility is not the point here: evaluate the amount as if eligible.
    const probe = { ...compiled, item: { ...compiled.item, eligibility: [] } };
    let result: ReturnType<typeof evaluateItem>;
    try {
      result = evaluateItem(catalog, probe, facts, params);
    } catch (error) {
      if (error instanceof NoBandError) continue;
      throw error;
    }
    const value = result.value;
    const negative = typeof value === 'number' && (value < 0 || !Number.isFinite(value));
    if (result.status === 'missing-facts' || negative || (compiled.isPayment && result.amountFen < 0)) {
      throw bad('PARAMETER_MAKES_FORMULA_INVALID', `参数设定后 ${compiled.item.id} 的公式（${compiled.item.formula}）无法得出有效结果`, {
        item: compiled.item.id,
        formula: compiled.item.formula,
        explanation: result.explanation,
      });
    }
  }
  void findBand;
}
