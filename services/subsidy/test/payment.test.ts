import { describe, expect, it } from 'vitest';
import {
  amountsByOutcome,
  bankRows,
  checkResults,
  choosePayee,
  lineRef,
  type Payee,
  type PaymentResult,
  type PayRow,
  paidTotals,
  parseLineRef,
  payRows,
  reissuable,
} from '../src/domain/payment.js';
import type { RosterLine } from '../src/domain/roster.js';

const ACCOUNT = { bank: '中国农业银行' as const, kind: 'passbook' as const, number: '622848001234567' };
const head: Payee = { memberId: 'M1', name: '张三', relation: 'head', status: 'active', idNumber: '370405195001011234', account: ACCOUNT };
const child: Payee = { memberId: 'M2', name: '张小', relation: 'child', status: 'active', idNumber: '370405201001011238' };

const line: RosterLine = {
  householdId: 'H1',
  village: '370405103201',
  town: '370405103000',
  headName: '张三',
  group: '1组',
  itemId: 'tez-education',
  nameZh: '教育补助',
  status: 'payable',
  amountFen: 30_000,
  subjects: [
    { subject: 'M1', name: '张三', status: 'excluded', amountFen: 0, explanation: '' },
    { subject: 'M2', name: '张小', status: 'payable', amountFen: 30_000, explanation: '在校' },
  ],
};
const rows = payRows('2017-06', line);
const row = rows[0] as PayRow;
const roster = new Map(rows.map((r) => [r.ref, r]));
const file = (...body: string[][]) => [['业务编号', '发放结果', '失败原因', '金额（元）'], ...body];

describe('bank rows: one per paid subject, payee and account', () => {
  it('a row per payable subject with a reference that parses back', () => {
    expect(rows).toHaveLength(1);
    expect(row.ref).toBe(lineRef('2017-06', '370405103201', 'H1', 'tez-education', 'M2'));
    expect(parseLineRef(row.ref)).toMatchObject({ householdId: 'H1', subject: 'M2' });
    expect(parseLineRef('2017-06/H1')).toBeUndefined();
  });

  it('a child without an account is paid through the head’s 一卡通; without any account the row is missing', () => {
    expect(choosePayee('M2', [head, child]).payee?.name).toBe('张三');
    expect(choosePayee('M2', [{ ...child, account: { ...ACCOUNT, number: '622848009999999' } }, head]).payee?.name).toBe('张小');
    const { account: _a, ...noAccount } = head;
    expect(choosePayee('household', [noAccount, child]).problem).toBe('缺少一卡通账户');
    const exported = bankRows(rows, () => [head, child]);
    expect(exported.pay[0]).toEqual([
      row.ref,
      line.town,
      line.village,
      'H1',
      '张三',
      '张三',
      head.idNumber,
      '中国农业银行',
      ACCOUNT.number,
      'tez-education',
      '教育补助',
      '张小',
      '300.00',
    ]);
    const missing = bankRows(rows, () => [noAccount, child]);
    expect([missing.pay.length, missing.missing.length, missing.missingFen]).toEqual([0, 1, 30_000]);
  });
});

describe('payment results: per-row report, all or nothing, idempotent, paid stays paid', () => {
  it('reports every bad row and accepts none of them', () => {
    const checked = checkResults(file([row.ref, '失败', ''], ['2017-06/x/y/z/w', '成功', '']), roster, new Map(), undefined);
    expect(checked.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'REASON_REQUIRED'],
      [3, 'UNKNOWN_LINE'],
    ]);
    expect(checkResults(file([row.ref, '不知道', '']), roster, new Map(), undefined).problems[0]?.code).toBe('STATUS_INVALID');
    expect(checkResults(file([row.ref, '成功', '', '299.00']), roster, new Map(), undefined).problems[0]?.code).toBe('AMOUNT_MISMATCH');
    expect(checkResults(file([row.ref, '成功', ''], [row.ref, '成功', '']), roster, new Map(), undefined).problems[0]?.code).toBe('DUPLICATE_LINE');
    expect(checkResults([['户编号', '金额']], roster, new Map(), undefined).problems[0]?.code).toBe('HEADER_INVALID');
  });

  it('the same file a second time changes nothing', () => {
    const first = checkResults(file([row.ref, '失败', '账户已销户', '300.00']), roster, new Map(), undefined);
    expect(first.changes).toHaveLength(1);
    const recorded = new Map<string, PaymentResult>([[row.ref, { ...row, status: 'failed', reason: '账户已销户' }]]);
    const second = checkResults(file([row.ref, '失败', '账户已销户', '300.00']), roster, recorded, undefined);
    expect([second.changes.length, second.outcomes[0]?.outcome]).toEqual([0, 'unchanged']);
  });

  it('each row reports its payee, item and amount, and the file its paid and failed amounts', () => {
    const two = payRows('2017-06', { ...line, subjects: [{ subject: 'M1', name: '张三', status: 'payable', amountFen: 12_345, explanation: '' }, ...line.subjects.slice(1)] });
    const both = new Map(two.map((r) => [r.ref, r]));
    const checked = checkResults(file([two[0]?.ref ?? '', '成功', ''], [two[1]?.ref ?? '', '失败', '账户已销户']), both, new Map(), undefined);
    expect(checked.outcomes).toEqual([
      { row: 2, ref: two[0]?.ref, outcome: 'paid', amountFen: 12_345, name: '张三', nameZh: '教育补助' },
      { row: 3, ref: two[1]?.ref, outcome: 'failed', amountFen: 30_000, name: '张小', nameZh: '教育补助', reason: '账户已销户' },
    ]);
    expect(amountsByOutcome(checked.outcomes)).toEqual({ paidFen: 12_345, failedFen: 30_000, correctedFen: 0, unchangedFen: 0 });
  });

  it('paid becomes failed only as an explicit correction; a re-issued line can no longer be paid here', () => {
    const paid = new Map<string, PaymentResult>([[row.ref, { ...row, status: 'paid' }]]);
    expect(checkResults(file([row.ref, '失败', '银行退回']), roster, paid, undefined).problems[0]?.code).toBe('ALREADY_PAID');
    expect(checkResults(file([row.ref, '失败', '银行退回']), roster, paid, '银行更正：该笔已退回').outcomes[0]?.outcome).toBe('corrected');
    const reissued = new Map<string, PaymentResult>([[row.ref, { ...row, status: 'failed', reason: '销户', reissuedIn: 1 }]]);
    expect(checkResults(file([row.ref, '成功', '']), roster, reissued, undefined).problems[0]?.code).toBe('LINE_REISSUED');
  });
});

describe('re-issue and disclosure', () => {
  const failed: PaymentResult = { ...row, status: 'failed', reason: '销户' };
  it('takes failed lines not yet re-issued, each reference once', () => {
    expect(reissuable([failed, { ...failed, reissuedIn: 1 }, failed])).toHaveLength(1);
    expect(
      reissuable([
        { ...failed, reissuedIn: 1 },
        { ...failed, status: 'paid' },
      ]),
    ).toHaveLength(0);
  });

  it('counts paid amounts only, households once per town and item', () => {
    const other = { ...row, ref: 'r2', householdId: 'H1', subject: 'M1' };
    const totals = paidTotals([
      { ...row, status: 'paid' },
      { ...other, status: 'paid' },
      { ...failed, ref: 'r3', householdId: 'H2' },
    ]);
    expect(totals.totalFen).toBe(60_000);
    expect(totals.byTown[line.town]?.['tez-education']).toEqual({ households: 1, totalFen: 60_000 });
  });
});
