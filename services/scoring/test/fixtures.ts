import type { BankFigures } from '../src/domain/assessment.js';

/** A bank with neutral figures; tests override what they need. */
export function bank(bankId: string, overrides: Partial<BankFigures> = {}): BankFigures {
  return {
    bankId,
    name: `银行${bankId}`,
    loansStart: '1000',
    loansEnd: '1000',
    obsIncrease: '0',
    debtEquitySwaps: '0',
    mltStart: '100',
    mltEnd: '100',
    mltObsIncrease: '0',
    mltDebtEquitySwaps: '0',
    depositsEnd: '2000',
    restructStart: '0',
    restructEnd: '0',
    innovation: null,
    localTax: '0',
    nplStart: '10',
    nplEnd: '10',
    nplDisposed: '0',
    nplAroseDuringYear: false,
    outletsPrev: 1,
    outletsEnd: 1,
    routine: { kind: 'score', value: '80' },
    violation: false,
    ...overrides,
  };
}

/** workflows.md §5.3: the worked example's inputs (万元). */
export function workedExample(): BankFigures[] {
  const row = (
    id: string,
    L: [string, string],
    obs: string,
    des: string,
    M: [string, string],
    dep: string,
    R: [string, string],
    innovation: string | null,
    tax: string,
    npl: [string, string, string] | 'none',
    outlets: [number, number],
    routine: string,
  ): BankFigures =>
    bank(id, {
      name: `示例银行${id}`,
      loansStart: L[0],
      loansEnd: L[1],
      obsIncrease: obs,
      debtEquitySwaps: des,
      mltStart: M[0],
      mltEnd: M[1],
      depositsEnd: dep,
      restructStart: R[0],
      restructEnd: R[1],
      innovation: innovation === null ? null : { kind: 'score', value: innovation },
      localTax: tax,
      nplStart: npl === 'none' ? '0' : npl[0],
      nplDisposed: npl === 'none' ? '0' : npl[1],
      nplEnd: npl === 'none' ? '0' : npl[2],
      nplAroseDuringYear: npl !== 'none' && npl[0] === '0',
      outletsPrev: outlets[0],
      outletsEnd: outlets[1],
      routine: { kind: 'score', value: routine },
    });
  // ΔR is given in the table; R0 is chosen so that R1 − R0 = ΔR.
  return [
    row('A', ['450000', '495000'], '4000', '1000', ['200000', '224000'], '720000', ['10000', '15000'], '92', '1800', ['6000', '3000', '4500'], [24, 25], '95'),
    row('B', ['300000', '318000'], '0', '0', ['150000', '159000'], '530000', ['10000', '13000'], '88', '950', ['4000', '2400', '2000'], [18, 18], '90'),
    row('C', ['250000', '262000'], '6000', '0', ['100000', '111000'], '400000', ['10000', '10000'], '90', '1100', ['3000', '0', '3200'], [12, 14], '90'),
    row('D', ['120000', '126600'], '0', '0', ['50000', '49000'], '193282', ['10000', '10800'], '85', '400', 'none', [10, 10], '88'),
    row('E', ['40000', '41600'], '0', '0', ['10000', '11500'], '52000', ['10000', '9800'], '80', '120', ['0', '20', '30'], [3, 4], '92'),
    row('F', ['30000', '29400'], '0', '0', ['8000', '8400'], '42000', ['10000', '10300'], null, '90', ['500', '100', '450'], [2, 1], '80'),
  ];
}
