/**
 * The project's copy of the policy catalog, validated with zod and indexed once per process.
 * Formulas are parsed here, once; a formula outside the grammar or reading a name that is neither
 * an input nor a parameter fails the load.
 */
import { readDataFile } from '@jingzhun/platform/data-file';
import { type Expr, parseFormula, referencedNames } from '../domain/expression.js';
import { Catalog, type Item, type JurisdictionId, PAYMENT_KINDS } from './schema.js';

export interface CompiledItem {
  item: Item;
  formula: Expr | undefined;
  /** Names the formula reads. */
  formulaNames: string[];
  isPayment: boolean;
}

export interface LoadedCatalog {
  catalog: Catalog;
  /** Recorded on every calculation, e.g. `catalog-v3`. */
  versionId: string;
  items: Map<string, CompiledItem>;
  byJurisdiction: Map<JurisdictionId, CompiledItem[]>;
}

export class CatalogInvalidError extends Error {}

export function loadCatalog(input: unknown): LoadedCatalog {
  const parsed = Catalog.safeParse(input);
  if (!parsed.success) {
    throw new CatalogInvalidError(
      `policy catalog invalid: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const catalog = parsed.data;
  const items = new Map<string, CompiledItem>();
  const byJurisdiction = new Map<JurisdictionId, CompiledItem[]>();
  for (const item of catalog.items) {
    if (items.has(item.id)) throw new CatalogInvalidError(`duplicate item ${item.id}`);
    let formula: Expr | undefined;
    let formulaNames: string[] = [];
    if (item.formula) {
      try {
        formula = parseFormula(item.formula);
      } catch (error) {
        throw new CatalogInvalidError(`${item.id}: ${(error as Error).message}`);
      }
      formulaNames = referencedNames(formula);
      const allowed = new Set([...item.inputs, ...Object.keys(item.parameters ?? {})]);
      for (const name of formulaNames) {
        if (!allowed.has(name) && !(name in catalog.facts)) throw new CatalogInvalidError(`${item.id}: formula reads unknown name ${name}`);
      }
    }
    const compiled: CompiledItem = {
      item,
      formula,
      formulaNames,
      isPayment: (PAYMENT_KINDS as readonly string[]).includes(item.kind),
    };
    items.set(item.id, compiled);
    const list = byJurisdiction.get(item.jurisdiction) ?? [];
    list.push(compiled);
    byJurisdiction.set(item.jurisdiction, list);
  }
  for (const { item } of items.values()) {
    const { excludes = [], stacksWith = [], replaces = [] } = item.stacking ?? {};
    for (const other of [...excludes, ...stacksWith, ...replaces]) {
      if (!items.has(other)) throw new CatalogInvalidError(`${item.id}: stacking names unknown item ${other}`);
    }
    for (const other of replaces) {
      const replaced = items.get(other)?.item as Item;
      if (replaced.jurisdiction !== item.jurisdiction) throw new CatalogInvalidError(`${item.id}: replaces ${other} of another jurisdiction`);
      const back = replaced.stacking ?? {};
      // One relation per pair: "replaces" is not "the higher of the two", nor mutual, nor stacking.
      if (excludes.includes(other) || stacksWith.includes(other) || back.excludes?.includes(item.id) || back.stacksWith?.includes(item.id) || back.replaces?.includes(item.id)) {
        throw new CatalogInvalidError(`${item.id}: replaces ${other} and also stacks with or excludes it`);
      }
    }
  }
  return {
    catalog,
    versionId: `catalog-v${catalog.version}`,
    items,
    byJurisdiction,
  };
}

let loaded: LoadedCatalog | undefined;
let raw: unknown;

/**
 * The catalog file is data, not code: the manifest lists it in `dataFiles`, so a deployed function
 * finds it beside its bundle (290 KB that would otherwise sit in every subsidy function's code).
 */
function rawJson(): unknown {
  raw ??= JSON.parse(readDataFile(import.meta.url, './policy-catalog.json'));
  return raw;
}

/** The catalog of this build (read and validated on first use). */
export function currentCatalog(): LoadedCatalog {
  if (!loaded) loaded = loadCatalog(rawJson());
  return loaded;
}

/** The raw JSON (for tests that corrupt a copy). */
export function rawCatalog(): unknown {
  return structuredClone(rawJson());
}
