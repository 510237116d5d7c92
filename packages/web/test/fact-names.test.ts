import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineExplanation } from '../src/console/pages/subsidy/text.js';
import { FACT_ZH } from '../src/fact-names.js';

const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '../../../services/subsidy/src/catalog/policy-catalog.json'), 'utf8')) as {
  facts: Record<string, unknown>;
  items: { inputs?: string[] }[];
};

describe('catalog facts by their Chinese names', () => {
  it('names every fact the catalog defines, in Chinese, and no fact it does not', () => {
    const unnamed = Object.keys(catalog.facts).filter((fact) => !FACT_ZH[fact]);
    expect(unnamed).toEqual([]);
    expect(Object.keys(FACT_ZH).filter((fact) => !(fact in catalog.facts))).toEqual([]);
    const notChinese = Object.entries(FACT_ZH).filter(([, name]) => !/^[\u4e00-\u9fff（）0-9]+$/.test(name));
    expect(notChinese).toEqual([]);
  });

  it('names every input an item reads', () => {
    const inputs = new Set(catalog.items.flatMap((item) => item.inputs ?? []));
    expect([...inputs].filter((fact) => !FACT_ZH[fact])).toEqual([]);
  });

  it('says which information a line is missing instead of counting it', () => {
    expect(lineExplanation('seed 000 SUB-18 L1727: 缺少事实 houseDangerGrade、wantsRenovation')).toBe('缺少危房等级、有改造意愿');
  });
});
