import { describe, expect, it } from 'vitest';
import { assertSourced, DOCUMENT_TARGETS, mergeTargetRows, validatedCatalogue } from '../src/domain/target-catalogue.js';
import type { Target } from '../src/domain/targets.js';
import { DEMO_DISTRICT } from '../src/domain/targets-data.js';
import { JURISDICTIONS } from '../src/domain/targets-documents.js';

/** workflows.md §7: the targets of every document load, each with its attribute, baseline, owner and source. */
const DOCUMENTS = [
  {
    seed: '000',
    jurisdiction: DEMO_DISTRICT,
    name: '台儿庄区',
    codes: ['exit.persons.2016', 'exit.villages.2020', 'poor.persons.provincial', 'rate.water', 'housing.renovated.2017'],
  },
  { seed: '001', jurisdiction: JURISDICTIONS.yiyuan.code, name: '沂源县', codes: ['exit.villages.2016', 'exit.poor.rate', 'health.treated'] },
  {
    seed: '002',
    jurisdiction: JURISDICTIONS.yicheng.code,
    name: '峄城区',
    codes: ['exit.hh.2018', 'exit.persons.2018', 'exit.villages.city.2018', 'villages.average.2019', 'rate.tekun.centralised'],
  },
  { seed: '003', jurisdiction: JURISDICTIONS.qingdao.code, name: '青岛市', codes: ['exit.hh.2016', 'exit.persons.2016', 'exit.villages.provincial', 'collective.income.min'] },
  {
    seed: '004',
    jurisdiction: JURISDICTIONS.jining.code,
    name: '济宁市',
    codes: ['poor.persons.remaining', 'water.villages.2019', 'rate.rating.coverage', 'rate.dibao.eligible', 'rate.hardship.lifted.2019'],
  },
];

const of = (jurisdiction: string, code: string) => DOCUMENT_TARGETS.find((t) => t.jurisdiction === jurisdiction && t.code === code) as Target;

describe.each(DOCUMENTS)('seed $seed ($name): targets load with their sources', ({ seed, jurisdiction, codes }) => {
  const targets = DOCUMENT_TARGETS.filter((t) => t.jurisdiction === jurisdiction);
  it('loads the targets workflows.md §7 names for the document', () => {
    for (const code of codes) expect(targets.map((t) => t.code)).toContain(code);
  });
  it('cites the document and a line for every target', () => {
    for (const target of targets) {
      expect(target.source, target.code).toContain(`seed ${seed}`);
      expect(target.source, target.code).toMatch(/L\d+/);
    }
  });
  it('gives every target an attribute, a baseline before its target year and an owner', () => {
    for (const target of targets) {
      expect(['约束性', '预期性']).toContain(target.attribute);
      expect(target.baselineYear).toBeLessThan(target.targetYear);
      expect(target.owner.length).toBeGreaterThan(0);
    }
  });
});

describe('figures of the documents (workflows.md §7)', () => {
  it('002: 491 households and 1,209 persons exit in 2018 (L19)', () => {
    expect(of(JURISDICTIONS.yicheng.code, 'exit.hh.2018')).toMatchObject({ target: 491, targetYear: 2018, attribute: '约束性' });
    expect(of(JURISDICTIONS.yicheng.code, 'exit.persons.2018')).toMatchObject({ target: 1209 });
  });
  it('003: 51 of 200 provincial villages in 2016, the rest in 2017 (EX-2 L105, L107)', () => {
    expect(of(JURISDICTIONS.qingdao.code, 'exit.villages.provincial')).toMatchObject({ target: 200, targetYear: 2017, schedule: [25.5, 100] });
  });
  it('004: water for 45 villages by 2019-12 (L560)', () => {
    expect(of(JURISDICTIONS.jining.code, 'water.villages.2019')).toMatchObject({ target: 45, targetYear: 2019, owner: 'shuiwu' });
  });
  it('001: the "442" schedule of the sick poor (L300)', () => {
    expect(of(JURISDICTIONS.yiyuan.code, 'health.treated').schedule).toEqual([40, 80, 100]);
  });
  it('004: never hard-codes the provincial key-village count (510, 512 or 509)', () => {
    const jining = DOCUMENT_TARGETS.filter((t) => t.jurisdiction === JURISDICTIONS.jining.code);
    for (const target of jining) expect([509, 510, 512]).not.toContain(target.target);
  });
});

describe('conflicts (workflows.md §7: all the figures are loaded and the target is flagged)', () => {
  it('000: the 2017 exits of 1,422, 1,359 and 1,622 persons', () => {
    expect(of(DEMO_DISTRICT, 'exit.persons.2017').conflict?.figures.map((f) => f.value)).toEqual([1422, 1359, 1622]);
  });
  it('001: exit within 2016 (L172) and by 2020 (L148) are both loaded', () => {
    const target = of(JURISDICTIONS.yiyuan.code, 'exit.poor.rate');
    expect(target.targetYear).toBe(2016);
    expect(target.conflict?.figures).toEqual([
      { value: 2016, source: 'seed 001 E-1 L172' },
      { value: 2020, source: 'seed 001 §2.7.1 L148, L154' },
    ]);
    expect(target.source).toBe('seed 001 E-1 L172；seed 001 §2.7.1 L148, L154');
  });
  it('004: the same 0.23万 stated twice is one target with both sources and no conflict', () => {
    const target = of(JURISDICTIONS.jining.code, 'poor.persons.remaining');
    expect(target.conflict).toBeUndefined();
    expect(target.source).toContain('ID-02');
    expect(target.source).toContain('BANK-09');
  });
  it('flags rows of two documents for one jurisdiction and code that disagree', () => {
    const base: Target = {
      jurisdiction: '370405000000',
      code: 'x.rate',
      name: '示例',
      unit: '%',
      baselineYear: 2015,
      baseline: 0,
      targetYear: 2020,
      target: 50,
      attribute: '预期性',
      owner: 'minzheng',
      source: 'seed 002 L89',
    };
    const [merged] = mergeTargetRows([base, { ...base, target: 60, source: 'seed 004 L322' }]);
    expect(merged?.conflict?.figures).toEqual([
      { value: 50, source: 'seed 002 L89' },
      { value: 60, source: 'seed 004 L322' },
    ]);
    expect(merged?.conflict?.note).toContain('目标值50');
  });
});

describe('a target without a source (issue 21 "Bad input")', () => {
  const row: Target = {
    jurisdiction: '370405000000',
    code: 'x',
    name: '示例',
    unit: '个',
    baselineYear: 2015,
    baseline: 0,
    targetYear: 2016,
    target: 1,
    attribute: '预期性',
    owner: 'fupin',
    source: '  ',
  };
  it('is refused with TARGET_SOURCE_MISSING (422)', () => {
    expect(() => assertSourced(row)).toThrow(expect.objectContaining({ code: 'TARGET_SOURCE_MISSING', status: 422 }));
  });
  it('stops the catalogue from loading', () => {
    expect(() => validatedCatalogue([row])).toThrow(expect.objectContaining({ code: 'TARGET_SOURCE_MISSING' }));
  });
});
