import { describe, expect, it } from 'vitest';
import { CatalogInvalidError, currentCatalog, loadCatalog, rawCatalog } from '../src/catalog/index.js';
import { evaluate, FormulaSyntaxError, parseFormula, referencedNames } from '../src/domain/expression.js';

describe('catalog load and schema', () => {
  it('loads the 170 items, 19 standards and 72 unquantified benefits with a version id', () => {
    const c = currentCatalog();
    expect(c.versionId).toBe('catalog-v3');
    expect(c.items.size).toBe(170);
    expect(c.catalog.standards).toHaveLength(19);
    expect(c.catalog.unquantified).toHaveLength(72);
    expect(c.byJurisdiction.get('taierzhuang')).toHaveLength(75);
  });
  it('refuses a negative amount, an unknown kind, a formula outside the grammar or naming an unknown input', () => {
    const mutate = (f: (items: Record<string, unknown>[]) => void) => {
      const raw = rawCatalog() as { items: Record<string, unknown>[] };
      f(raw.items);
      return () => loadCatalog(raw);
    };
    expect(mutate((items) => (items[2]!.amount = -2000))).toThrow(CatalogInvalidError);
    expect(mutate((items) => (items[2]!.kind = 'gift'))).toThrow(CatalogInvalidError);
    expect(mutate((items) => (items[4]!.formula = 'process.exit(1)'))).toThrow(CatalogInvalidError);
    expect(mutate((items) => (items[4]!.formula = '0.8 * certificationFeeX'))).toThrow(/unknown name/);
  });
});

describe('formula language', () => {
  it('parses precedence, unary minus and functions without eval', () => {
    const tree = parseFormula('400 + 10 * (age - 100)');
    expect(referencedNames(tree)).toEqual(['age']);
    expect(evaluate(tree, () => 103)).toBe(430);
    expect(evaluate(parseFormula('-2 + 3 * 4 / 2'), () => undefined)).toBe(4);
    expect(evaluate(parseFormula('min(5, max(1, 7), 6)'), () => undefined)).toBe(5);
    expect(evaluate(parseFormula('floor(1499 / 500)'), () => undefined)).toBe(2);
    expect(evaluate(parseFormula('addYears(exitDate, 3)'), () => '2016-02-29')).toBe('2019-02-28');
  });
  it('rejects anything outside the grammar', () => {
    for (const bad of ['1 +', 'foo(1)', 'a; b', '1 ** 2', 'min(1)', 'bandAmount(1 + 2)', '(1', 'a b']) expect(() => parseFormula(bad)).toThrow(FormulaSyntaxError);
  });
});
