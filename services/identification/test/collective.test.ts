import { describe, expect, it } from 'vitest';
import { exitFloorOf, isVillageCode, summarise, validateEntry, yearOfPeriod, yearTotalFen } from '../src/domain/collective-economy.js';

const entry = (year: number, source: 'operation' | 'contracting' | 'asset-income', amountFen: number) => ({
  entryId: `${year}-${source}-${amountFen}`,
  village: '370404100201',
  year,
  source,
  amountFen,
  note: '',
  recordedOn: `${year}-12-01`,
  by: '镇',
});

describe('village collective economy ledger (seed 004 L75; 002 T-11 L101; 003 EX-3 L99)', () => {
  it('sums a year over its sources', () => {
    const entries = [entry(2018, 'operation', 1_000_000), entry(2018, 'asset-income', 2_000_000), entry(2019, 'contracting', 500)];
    expect(yearTotalFen(entries, 2018)).toBe(3_000_000);
    expect(yearTotalFen(entries, 2017)).toBe(0);
    const [y2019, y2018] = summarise('370404100201', entries, []);
    expect(y2019).toMatchObject({ year: 2019, totalFen: 500, meetsExitFloor: false });
    expect(y2018?.bySource).toEqual([
      { source: 'operation', amountFen: 1_000_000 },
      { source: 'asset-income', amountFen: 2_000_000 },
    ]);
  });

  it('measures 峄城 against 3万元 with the bound included (002 T-11 L101 不低于3万元), Qingdao against 15万元 (003 EX-3 L99)', () => {
    const [at] = summarise('370404100201', [entry(2018, 'operation', 3_000_000)], []);
    expect(at).toMatchObject({ exitFloorFen: 3_000_000, meetsExitFloor: true });
    const [below] = summarise('370404100201', [entry(2018, 'operation', 2_999_999)], []);
    expect(below?.meetsExitFloor).toBe(false);
    expect(exitFloorOf('370281100201')?.minFen).toBe(15_000_000);
    // 台儿庄 names collective income only as a factor (000 EX-7 L1072–1077): no floor.
    expect(exitFloorOf('370405103201')).toBeUndefined();
  });

  it('marks a year without any income as 空壳村 (002 T-11 L101 消除集体经济空壳村) and lists the years asked for', () => {
    const years = summarise('370405103201', [], [2020, 2019]);
    expect(years.map((y) => [y.year, y.hollow])).toEqual([
      [2020, true],
      [2019, true],
    ]);
    expect(years[0]?.meetsExitFloor).toBeUndefined();
  });

  it('refuses future years, zero, negative, fractional and absurd amounts', () => {
    expect(() => validateEntry({ year: 2021, amountFen: 100 }, '2020-06-01')).toThrow(expect.objectContaining({ code: 'COLLECTIVE_YEAR_INVALID', status: 400 }));
    expect(() => validateEntry({ year: 2013, amountFen: 100 }, '2020-06-01')).toThrow(expect.objectContaining({ code: 'COLLECTIVE_YEAR_INVALID' }));
    for (const amountFen of [0, -1, 1.5, 10_000_000_000]) {
      expect(() => validateEntry({ year: 2020, amountFen }, '2020-06-01')).toThrow(expect.objectContaining({ code: 'COLLECTIVE_AMOUNT_INVALID' }));
    }
    expect(() => validateEntry({ year: 2020, amountFen: 1 }, '2020-06-01')).not.toThrow();
  });

  it('takes only village codes and the year of a period', () => {
    expect(isVillageCode('370405103201')).toBe(true);
    expect(isVillageCode('370405103000')).toBe(false);
    expect(yearOfPeriod('2019-12')).toBe(2019);
    expect(() => yearOfPeriod('2019')).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID' }));
  });
});
