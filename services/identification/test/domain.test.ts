import { DomainError, identificationApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/demo/people.js';
import { type ActionContext, applyAction, applyNoticeOutcome } from '../src/domain/actions.js';
import { classifyColour, monitoringLine } from '../src/domain/colour.js';
import { assertMayImport, buildHits, type HitRecord, parseDepartmentList, SOURCES, unresolvedBlocks } from '../src/domain/comparison.js';
import { assessExit, entryIncomeMet, exitIncomeMet, failedWelfareChecks, isPoorByIncome, riskEliminated } from '../src/domain/eligibility.js';
import { ENTRY_STEPS } from '../src/domain/entry.js';
import { EXIT_STEPS } from '../src/domain/exit.js';
import { deriveAttribute, deriveStandard, type HouseholdRecord, refresh } from '../src/domain/household.js';
import { assertPlausibleIncome, perCapitaIncomeFen, perCapitaOf } from '../src/domain/income.js';
import { assertQuorum } from '../src/domain/machine.js';
import { MONITORING_STEPS, monitoringAlert } from '../src/domain/monitoring.js';
import { assertWindowOpen, policyUntil } from '../src/domain/policy.js';
import { nextYearLine, operativeLine, operativeLineOf, resolveLine } from '../src/domain/poverty-lines.js';
import { applyChanges, openHousehold, setMinzhengStatus } from '../src/domain/register.js';
import { applyVillageExitAction, applyVillageNoticeOutcome, incidencePercent, incidenceWithinMax, noticeRegionsOf, openVillageExit } from '../src/domain/village-exit.js';
import { applicationBody, EVIDENCE, MEETING } from './support.js';

const ok = { food: true, clothing: true, education: true, medical: true, housing: true, water: true };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
};

function household(incomeYuan = 6000): HouseholdRecord {
  const body = identificationApi.CreateHouseholdBody.parse(applicationBody({ incomeYuan }));
  let n = 0;
  return openHousehold(body, { householdId: 'H1', nextId: () => `M${++n}`, today: '2018-03-01', role: 'village', lines: [] });
}

function ctx(role: ActionContext['role'], extra: Partial<ActionContext> = {}): ActionContext {
  return { role, today: '2018-03-10', lines: [], window: { opens: '2018-03-01', closes: '2018-03-31' }, hits: [], ...extra };
}

function run(h: HouseholdRecord, role: ActionContext['role'], action: string, extra: Partial<ActionContext> = {}, command: Record<string, unknown> = {}) {
  return applyAction(h, { action, evidence: (EVIDENCE[action] ?? []) as never, meeting: MEETING, ...command }, ctx(role, extra));
}

/** Moves a household through notice states by simulating a clear window. */
function clear(h: HouseholdRecord): HouseholdRecord {
  const withNotice = { ...h, workflow: { ...h.workflow!, notice: { requestId: 'R', type: 't', held: false } } };
  return applyNoticeOutcome(withNotice, 'R', 'clear', { lines: [], today: '2018-03-10' })!.household;
}

describe('poverty lines (seed 000 ID-2 L972–978, ID-3 L980–989)', () => {
  it('stores known values: provincial 2015 = 3,372, 2017 = 3,509; national 2015 = 2,800', () => {
    expect(resolveLine('provincial', 2015).amountYuan).toBe(3372);
    expect(resolveLine('provincial', 2017).amountYuan).toBe(3509);
    expect(resolveLine('national', 2015).amountYuan).toBe(2800);
  });
  it('derives line(y) = round_half_up(line(y−1) × CPI/100) from an entered CPI (000 ID-3; rounding workflows.md §1.2)', () => {
    expect(nextYearLine(3509, 102.1)).toBe(3583); // 3582.689
    expect(nextYearLine(3000, 100.05)).toBe(3002); // 3001.5 rounds up
    expect(resolveLine('provincial', 2018, [{ level: 'provincial', year: 2018, cpi: 102.1, source: 'test' }])).toMatchObject({ amountYuan: 3583, derived: true });
  });
  it('refuses an unknown year rather than back-deriving it (001 I-4)', () => {
    expect(code(() => resolveLine('provincial', 2016))).toBe('POVERTY_LINE_UNKNOWN');
  });
});

describe('the operative line is per jurisdiction (workflows.md §1.2 line.level)', () => {
  it('沂源 (370323) tests against the 淄博 市扶贫标准, 台儿庄 (370405) against the provincial line (seed 001 E-3 L176, E-5 L184; 000 ID-3 L986)', () => {
    expect(operativeLineOf('370323104201')).toMatchObject({ level: 'municipal', area: '3703' });
    expect(operativeLineOf('370405103201')).toMatchObject({ level: 'provincial' });
    expect(operativeLineOf('370404001201')).toMatchObject({ level: 'provincial' });
    expect(operativeLine('370323104201', 2015).amountYuan).toBe(3507);
    expect(operativeLine('370323104201', 2010).amountYuan).toBe(3120);
    expect(operativeLine('370405103201', 2015).amountYuan).toBe(3372);
    expect(code(() => resolveLine('municipal', 2015, [], '3702'))).toBe('POVERTY_LINE_UNKNOWN');
  });
  it('an income between the two lines exits in 台儿庄 and not in 沂源 (seed 001 E-3 L176 稳定超过市扶贫标准)', () => {
    const at = (region: string) => {
      const body = identificationApi.CreateHouseholdBody.parse({
        ...applicationBody({ region, incomeYuan: 3450 }),
        income: { ...applicationBody().income, year: 2015, wageFen: 3 * 345_000 },
      });
      let n = 0;
      const opened = openHousehold(body, { householdId: 'H1', nextId: () => `M${++n}`, today: '2018-03-01', role: 'village', lines: [] });
      const { workflow: _w, ...rest } = opened;
      const registered = { ...rest, status: 'REGISTERED' as const, registeredAt: '2016-01-01' };
      return run(run(registered, 'town', 'PRE_EXIT').household, 'village', 'APPRAISE').household;
    };
    expect(run(at('370405103201'), 'village', 'VERIFY').household.workflow?.state).toBe('VERIFIED');
    expect(code(() => run(at('370323104201'), 'village', 'VERIFY'))).toBe('EXIT_STANDARD_NOT_MET');
  });
});

describe('income and eligibility (workflows.md §1.2, decision 1)', () => {
  const income = { year: 2017, wageFen: 600_000, businessFen: 300_000, businessCostFen: 100_000, transferFen: 200_000, oneOffTransferFen: 50_000, propertyFen: 0 };
  it('computes per-capita net income from sources (ANC §1) and drops one-offs for the exit test (000 EX-1 "稳定")', () => {
    expect(perCapitaIncomeFen(income, 4)).toBe(250_000);
    expect(perCapitaIncomeFen(income, 4, true)).toBe(237_500);
    expect(perCapitaIncomeFen(income, 3)).toBe(333_333);
  });
  it('rejects negative and absurd income', () => {
    expect(code(() => assertPlausibleIncome({ ...income, businessCostFen: 2_000_000 }, 2))).toBe('INCOME_NEGATIVE');
    expect(code(() => assertPlausibleIncome({ ...income, wageFen: 999_000_000 }, 1))).toBe('INCOME_ABSURD');
    expect(code(() => assertPlausibleIncome({ ...income, oneOffTransferFen: 300_000 }, 1))).toBe('INCOME_INCONSISTENT');
  });
  const pc = (netFen: number, members = 1) => ({ netFen, members });
  it('poor iff income ≤ line (inclusive); exit iff income > line (strict, 000 EX-1 L1029–1032)', () => {
    expect(isPoorByIncome(pc(350_900), 3509)).toBe(true);
    expect(isPoorByIncome(pc(350_901), 3509)).toBe(false);
    expect(entryIncomeMet(pc(350_900), 3509)).toBe(true);
    expect(exitIncomeMet(pc(350_900), 3509)).toBe(false);
    expect(exitIncomeMet(pc(350_901), 3509)).toBe(true);
  });
  it('compares the exact per-capita income with the line, not the figure rounded to the fen (000 EX-1 L1029–1032)', () => {
    // 3 members, one fen above 3 × 3,509 yuan: 350,900.33 fen each, shown as 350,900.
    const justAbove = { year: 2017, wageFen: 3 * 350_900 + 1, businessFen: 0, businessCostFen: 0, transferFen: 0, oneOffTransferFen: 0, propertyFen: 0 };
    expect(perCapitaIncomeFen(justAbove, 3)).toBe(350_900);
    expect(isPoorByIncome(perCapitaOf(justAbove, 3), 3509)).toBe(false);
    expect(exitIncomeMet(perCapitaOf(justAbove, 3), 3509)).toBe(true);
    // 2 fen below the line in total: 350,899.33 fen each; rounds to 350,899 but is poor either way.
    expect(isPoorByIncome(perCapitaOf({ ...justAbove, wageFen: 3 * 350_900 - 2 }, 3), 3509)).toBe(true);
    // Half a fen below the line each (shown rounded up to 350,900) is below it, not at it: not above for exit.
    expect(perCapitaIncomeFen({ ...justAbove, wageFen: 2 * 350_900 - 1 }, 2)).toBe(350_900);
    expect(exitIncomeMet(perCapitaOf({ ...justAbove, wageFen: 2 * 350_900 + 1 }, 2), 3509)).toBe(true);
    expect(exitIncomeMet(perCapitaOf({ ...justAbove, wageFen: 2 * 350_900 - 1 }, 2), 3509)).toBe(false);
    // mline = 1.5 × line exactly: 526,350 fen; half a fen short each is short.
    const mline = monitoringLine(3509);
    expect(riskEliminated(perCapitaOf({ ...justAbove, wageFen: 2 * 526_350 - 1 }, 2), mline, ok, [])).toBe(false);
    expect(riskEliminated(perCapitaOf({ ...justAbove, wageFen: 2 * 526_350 }, 2), mline, ok, [])).toBe(true);
  });
  it('checks 两不愁三保障 + drinking water, water being a hard block (002 I-2 L17; 002 E-1 L31)', () => {
    expect(failedWelfareChecks({ ...ok, medical: false })).toEqual(['medical']);
    expect(assessExit(pc(400_000), 3509, ok)).toEqual({ ok: true, reasons: [] });
    const water = assessExit(pc(400_000), 3509, { ...ok, water: false });
    expect(water.ok).toBe(false);
    expect(water.reasons[0]).toContain('饮水安全');
    expect(assessExit(pc(350_900), 3509, ok).ok).toBe(false);
  });
  it('derives the attribute from 民政 flags (004 ID-23 L904) and the standard flag (000 ID-4)', () => {
    const members = household().members;
    expect(deriveAttribute(false, false, members)).toBe('一般贫困户');
    expect(deriveAttribute(true, false, members)).toBe('低保贫困户');
    expect(
      deriveAttribute(
        true,
        false,
        members.map((m) => ({ ...m, laborCapacity: 'none' as const })),
      ),
    ).toBe('低保户');
    expect(deriveAttribute(true, true, members)).toBe('五保户');
    const tez = '370405103201';
    expect(deriveStandard(pc(280_000), 2015, undefined, [], tez)).toBe('national');
    expect(deriveStandard(pc(280_001), 2015, undefined, [], tez)).toBe('provincial');
    expect(deriveStandard(pc(560_001, 2), 2015, undefined, [], tez)).toBe('provincial');
    expect(deriveStandard(pc(100_000), 2017, 'municipal', [], tez)).toBe('municipal');
    expect(deriveStandard(pc(280_001), 2015, undefined, [], '370323104201')).toBe('municipal');
  });
});

describe('four colours (000 ID-7 L507–522; workflows.md §1.2)', () => {
  const fen = (netFen: number) => ({ netFen, members: 1 });
  const base = { income: fen(400_000), lineYuan: 3509, welfare: ok, riskFlags: [] as string[] };
  it('registered: RED at or under the line or failing a check, else ORANGE', () => {
    expect(classifyColour({ ...base, status: 'REGISTERED', income: fen(350_900) })).toBe('RED');
    expect(classifyColour({ ...base, status: 'REGISTERED', welfare: { ...ok, housing: false } })).toBe('RED');
    expect(classifyColour({ ...base, status: 'REGISTERED' })).toBe('ORANGE');
    expect(classifyColour({ ...base, status: 'MONITORED', monitorType: '突发严重困难户' })).toBe('ORANGE');
  });
  it('exited: YELLOW under mline = edge factor × line (parameter), with risk flags or 脱贫不稳定; else GREEN', () => {
    expect(monitoringLine(3509)).toEqual({ numerator: 350_900 * 150, denominator: 100 });
    expect(classifyColour({ ...base, status: 'EXITED_WITH_POLICY', income: { netFen: 2 * 526_350 - 1, members: 2 } })).toBe('YELLOW');
    expect(classifyColour({ ...base, status: 'EXITED_WITH_POLICY', income: { netFen: 2 * 526_350, members: 2 } })).toBe('GREEN');
    expect(classifyColour({ ...base, status: 'EXITED_WITH_POLICY' })).toBe('YELLOW');
    expect(classifyColour({ ...base, status: 'EXITED_WITH_POLICY', edgeFactor: 1.1 })).toBe('GREEN');
    expect(classifyColour({ ...base, status: 'EXITED_WITH_POLICY', income: fen(600_000) })).toBe('GREEN');
    expect(classifyColour({ ...base, status: 'EXITED_WITH_POLICY', income: fen(600_000), riskFlags: ['house-c-d'] })).toBe('YELLOW');
    expect(classifyColour({ ...base, status: 'MONITORED', income: fen(600_000), monitorType: '脱贫不稳定户' })).toBe('YELLOW');
  });
});

describe('cross-department comparison (workflows.md §1.2 exclusion checks)', () => {
  const id = makeIdNumber('1960-03-05', 11);
  it('reports every broken row of an upload with its row number', () => {
    const parsed = parseDepartmentList(
      [
        ['姓名', '身份证号', '备注'],
        ['王建国', id, '在编'],
        ['', makeIdNumber('1970-01-01', 5), ''],
        ['李四', '370405196003051230', ''],
        ['王建国', id, ''],
      ],
      '2018-03-01',
    );
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems.map((p) => [p.row, p.problem])).toEqual([
      [3, 'NAME_MISSING'],
      [4, 'ID_CHECK_CHARACTER'],
      [5, 'DUPLICATE_ROW'],
    ]);
    expect(code(() => parseDepartmentList([['名字', '号码']], '2018-03-01'))).toBe('UPLOAD_HEADER_INVALID');
  });
  it('turns matches into hits: payroll blocks, vehicles go to the meeting (review)', () => {
    const rows = parseDepartmentList(
      [
        ['姓名', '身份证号'],
        ['王建国', id],
      ],
      '2018-03-01',
    ).rows;
    const guards = new Map([[id, { householdId: 'H1', memberId: 'M1' }]]);
    const households = new Map([['H1', { members: [{ memberId: 'M1', name: '王建国' }] }]]);
    const [payroll] = buildHits(rows, guards, households, { source: 'caizheng-payroll', importId: 'I', createdAt: 't' });
    expect(payroll).toMatchObject({ severity: 'block', householdId: 'H1', memberName: '王建国' });
    expect(buildHits(rows, guards, households, { source: 'vehicle', importId: 'I', createdAt: 't' })[0]?.severity).toBe('review');
    expect(buildHits(rows, new Map(), households, { source: 'vehicle', importId: 'I', createdAt: 't' })).toEqual([]);
    const overridden = { ...payroll, decision: { outcome: 'overridden', reason: '已离职', by: 'x', at: 't' } } as HitRecord;
    expect(unresolvedBlocks([payroll as HitRecord])).toHaveLength(1);
    expect(unresolvedBlocks([overridden])).toHaveLength(0);
  });
});

describe('entry state machine (workflows.md §1.3, ANC §3 两评议两公示一比对一公告)', () => {
  it('walks every step in order to REGISTERED inside the NSYS window', () => {
    let h = household();
    expect(h.workflow?.state).toBe('APPLIED');
    h = run(h, 'village', 'SURVEY').household;
    h = run(h, 'village', 'GROUP_REVIEW').household;
    const posted = run(h, 'village', 'POST_NOTICE');
    expect(posted.notice).toEqual({ type: 'entry-first', days: 7 });
    h = clear(posted.household);
    expect(h.workflow?.state).toBe('NOTICE1_CLEARED');
    h = run(h, 'county', 'COMPARE').household;
    h = run(h, 'village', 'ASSEMBLY_REVIEW').household;
    h = clear(run(h, 'village', 'POST_NOTICE').household);
    h = run(h, 'town', 'TOWN_REVIEW').household;
    h = run(h, 'county', 'COUNTY_APPROVE').household;
    const announced = run(h, 'county', 'POST_NOTICE');
    expect(announced.notice).toEqual({ type: 'entry-announcement', days: 5 });
    h = clear(announced.household);
    expect(h.workflow?.state).toBe('AWAITING_WINDOW');
    expect(code(() => run(h, 'town', 'REGISTER', { window: { opens: '2018-04-01', closes: '2018-04-30' } }))).toBe('NSYS_WINDOW_CLOSED');
    const done = run(h, 'town', 'REGISTER');
    expect(done.household).toMatchObject({ status: 'REGISTERED', registeredAt: '2018-03-10' });
    expect(done.household.workflow).toBeUndefined();
    expect(done.events).toEqual(['registered']);
  });
  it('checks role, order, evidence, quorum (≥2/3, VRA [NAT]) and reasons', () => {
    const h = household();
    expect(code(() => run(h, 'town', 'SURVEY'))).toBe('WRONG_ROLE');
    expect(code(() => run(h, 'village', 'GROUP_REVIEW'))).toBe('TRANSITION_OUT_OF_ORDER');
    expect(code(() => run(h, 'village', 'FLY'))).toBe('UNKNOWN_ACTION');
    expect(code(() => applyAction(h, { action: 'SURVEY', evidence: [{ kind: 'survey', ref: 'x' }] }, ctx('village')))).toBe('EVIDENCE_MISSING');
    const surveyed = run(h, 'village', 'SURVEY').household;
    expect(code(() => applyAction(surveyed, { action: 'REJECT', evidence: [{ kind: 'minutes', ref: 'x' }] }, ctx('village')))).toBe('REASON_REQUIRED');
    expect(code(() => assertQuorum({ date: '2018-01-01', total: 30, present: 19, inFavour: 19 }))).toBe('QUORUM_NOT_MET');
    expect(code(() => assertQuorum({ date: '2018-01-01', total: 30, present: 20, inFavour: 10 }))).toBe('MAJORITY_NOT_MET');
    expect(code(() => assertQuorum({ date: '2018-01-01', total: 30, present: 20, inFavour: 11 }))).toBe('NO_ERROR');
  });
  it('refuses town review with an unresolved block hit or income above the line', () => {
    let h = household();
    for (const [role, action] of [
      ['village', 'SURVEY'],
      ['village', 'GROUP_REVIEW'],
      ['village', 'POST_NOTICE'],
    ] as const)
      h = run(h, role, action).household;
    h = clear(h);
    h = run(h, 'county', 'COMPARE').household;
    const reviewHit = { hitId: 'X', householdId: 'H1', memberId: 'M1', memberName: 'x', source: 'vehicle', severity: 'review', detail: '', createdAt: 't' } as HitRecord;
    expect(code(() => run(h, 'village', 'ASSEMBLY_REVIEW', { hits: [reviewHit] }))).toBe('HITS_UNREVIEWED');
    h = clear(run(run(h, 'village', 'ASSEMBLY_REVIEW').household, 'village', 'POST_NOTICE').household);
    const block = { ...reviewHit, source: 'caizheng-payroll', severity: 'block' } as HitRecord;
    expect(code(() => run(h, 'town', 'TOWN_REVIEW', { hits: [block] }))).toBe('BLOCK_HIT_UNRESOLVED');
    const rich = { ...h, income: { ...h.income, wageFen: 3_000_000 }, incomePerCapitaFen: 1_000_000 };
    expect(code(() => run(rich, 'town', 'TOWN_REVIEW'))).toBe('NOT_ELIGIBLE_INCOME');
    const rejected = run(h, 'town', 'REJECT', {}, { reason: '收入超标', evidence: [{ kind: 'review-form', ref: 'x' }] });
    expect(rejected.household.status).toBe('REJECTED');
  });
  it('an upheld objection rejects; a held entry waits (workflows.md §4.1)', () => {
    let h = run(run(household(), 'village', 'SURVEY').household, 'village', 'GROUP_REVIEW').household;
    h = { ...run(h, 'village', 'POST_NOTICE').household };
    h.workflow = { ...h.workflow!, notice: { requestId: 'R', type: 'entry-first', held: false } };
    expect(code(() => run(h, 'county', 'COMPARE'))).toBe('NOTICE_PENDING');
    expect(applyNoticeOutcome(h, 'OTHER', 'clear', { lines: [], today: 'd' })).toBeUndefined();
    expect(applyNoticeOutcome(h, 'R', 'clear', { lines: [], today: 'd' }, 'objection-decided')).toBeUndefined();
    const held = applyNoticeOutcome(h, 'R', 'held', { lines: [], today: 'd' })!.household;
    expect(held.workflow?.notice?.held).toBe(true);
    expect(applyNoticeOutcome(held, 'R', 'upheld', { lines: [], today: 'd' }, 'objection-decided')!.household.status).toBe('REJECTED');
  });
  it('has a citation on every step', () => {
    for (const step of [...ENTRY_STEPS, ...EXIT_STEPS, ...MONITORING_STEPS]) expect(step.citation).toMatch(/seed|workflows\.md/);
  });
});

describe('household exit (seed 000 EX-2…EX-6 L1034–1068; workflows.md §2.1)', () => {
  function registered(incomeYuan: number): HouseholdRecord {
    const h = household(incomeYuan);
    const { workflow: _w, ...rest } = h;
    return { ...rest, status: 'REGISTERED', registeredAt: '2016-01-01' };
  }
  it('walks 民主评议 → 7-day 公示 → 验收 → 5-day 公告 → 备案 → 销号 and sets policy until 销号 + 3 years (000 EX-15 L3922–3924)', () => {
    let h = run(registered(12_000), 'town', 'PRE_EXIT').household;
    h = run(h, 'village', 'APPRAISE').household;
    h = run(h, 'village', 'VERIFY').household;
    h = run(h, 'village', 'CONSENT').household;
    const notice = run(h, 'village', 'POST_NOTICE');
    expect(notice.notice).toEqual({ type: 'exit-village-notice', days: 7 });
    h = clear(notice.household);
    h = run(h, 'town', 'TOWN_ACCEPT').household;
    h = run(h, 'town', 'TOWN_APPROVE').household;
    const announcement = run(h, 'town', 'POST_NOTICE');
    expect(announcement.notice).toEqual({ type: 'exit-announcement', days: 5 });
    h = clear(announcement.household);
    expect(code(() => run(h, 'town', 'FILE'))).toBe('WRONG_ROLE');
    h = run(h, 'leading_group', 'FILE').household;
    expect(code(() => run(h, 'town', 'DEREGISTER', { window: undefined }))).toBe('NSYS_WINDOW_CLOSED');
    const done = run(h, 'town', 'DEREGISTER', { today: '2018-03-10' });
    expect(done.household).toMatchObject({ status: 'EXITED_WITH_POLICY', exitedAt: '2018-03-10', policyUntil: '2021-03-10' });
    expect(done.events).toEqual(['exited']);
  });
  it('refuses VERIFY below the standard, and falls back to REGISTERED on refusal or upheld objection', () => {
    let h = run(run(registered(6000), 'town', 'PRE_EXIT').household, 'village', 'APPRAISE').household;
    expect(code(() => run(h, 'village', 'VERIFY'))).toBe('EXIT_STANDARD_NOT_MET');
    h = run(run(run(registered(12_000), 'town', 'PRE_EXIT').household, 'village', 'APPRAISE').household, 'village', 'VERIFY').household;
    const refused = run(h, 'village', 'REFUSE', {}, { reason: '户不认可', evidence: [{ kind: 'refusal', ref: 'x' }] });
    expect(refused.household).toMatchObject({ status: 'REGISTERED', lastDecision: { action: 'REFUSE', reason: '户不认可' } });
    expect(refused.household.workflow).toBeUndefined();
    const posted = run(run(h, 'village', 'CONSENT').household, 'village', 'POST_NOTICE').household;
    posted.workflow = { ...posted.workflow!, notice: { requestId: 'R', type: 'exit-village-notice', held: false } };
    expect(applyNoticeOutcome(posted, 'R', 'upheld', { lines: [], today: 'd' })!.household.status).toBe('REGISTERED');
  });
  it('only registered households may enter pre-exit', () => {
    expect(code(() => run(household(), 'town', 'PRE_EXIT'))).toBe('TRANSITION_OUT_OF_ORDER');
  });
  it('policy_until = max(销号 + 3 years, 2020-12-31) (workflows.md §2.2; 002 E-3 L147)', () => {
    expect(policyUntil('2017-05-01')).toBe('2020-12-31');
    expect(policyUntil('2018-03-10')).toBe('2021-03-10');
    expect(policyUntil('2020-02-29')).toBe('2023-02-28');
    expect(code(() => assertWindowOpen({ opens: '2018-03-01', closes: '2018-03-31' }, '2018-04-01'))).toBe('NSYS_WINDOW_CLOSED');
  });
});

describe('monitoring objects and 返贫 (workflows.md §1.4; 003 EX-5 L737)', () => {
  function exited(incomeYuan: number): HouseholdRecord {
    const { workflow: _w, ...rest } = household(incomeYuan);
    return { ...rest, status: 'EXITED_WITH_POLICY', registeredAt: '2016-01-01', exitedAt: '2017-06-01', policyUntil: '2020-12-31' };
  }
  it('walks signal → MONITORED, then 返贫 → RE_REGISTERED', () => {
    expect(code(() => run(exited(3000), 'village', 'SIGNAL', {}, { evidence: [{ kind: 'hardship-report', ref: 'x' }] }))).toBe('MONITOR_TYPE_REQUIRED');
    let h = run(exited(3000), 'village', 'SIGNAL', { today: '2018-03-01' }, { evidence: [{ kind: 'hardship-report', ref: 'x' }], monitorType: '脱贫不稳定户' }).household;
    expect(h.workflow).toMatchObject({ kind: 'monitoring', state: 'SIGNALLED', dueDate: '2018-03-16' });
    h = run(h, 'village', 'APPLY', {}, { evidence: [{ kind: 'authorisation', ref: 'x' }] }).household;
    h = run(h, 'village', 'CHECK', {}, { evidence: [{ kind: 'survey', ref: 'x' }] }).household;
    h = run(h, 'county', 'COMPARE').household;
    h = run(h, 'village', 'REVIEW', {}, { evidence: [{ kind: 'minutes', ref: 'x' }] }).household;
    const posted = run(h, 'village', 'POST_NOTICE');
    expect(posted.notice).toEqual({ type: 'monitoring', days: 5 });
    h = clear(posted.household);
    h = run(h, 'town', 'TOWN_REVIEW').household;
    h = run(h, 'county', 'COUNTY_DECIDE', {}, { evidence: [{ kind: 'decision', ref: 'x' }] }).household;
    const monitored = run(h, 'town', 'CONFIRM', {}, { evidence: [{ kind: 'nsys-receipt', ref: 'x' }] });
    // The signal day stays on the record: the monitoring event carries it, not the day of CONFIRM (dispatch counts the 15 days from it).
    expect(monitored.household).toMatchObject({ status: 'MONITORED', monitorType: '脱贫不稳定户', monitoringSignalledAt: '2018-03-01' });
    expect(monitored.events).toEqual(['monitoring']);
    const returned = run(
      monitored.household,
      'county',
      'RE_REGISTER',
      {},
      {
        evidence: [
          { kind: 'survey', ref: 'x' },
          { kind: 'approval', ref: 'y' },
        ],
      },
    );
    expect(returned.household.status).toBe('RE_REGISTERED');
    expect(returned.events).toEqual(['returned']);
  });
  it('refuses 返贫 above the line and eliminates risk only above mline with all checks', () => {
    const monitored = { ...exited(12_000), status: 'MONITORED' as const, monitorType: '脱贫不稳定户' as const };
    const evidence = {
      evidence: [
        { kind: 'survey', ref: 'x' },
        { kind: 'approval', ref: 'y' },
      ],
    };
    expect(code(() => run(monitored, 'county', 'RE_REGISTER', {}, evidence))).toBe('NOT_ELIGIBLE_INCOME');
    const eliminate = {
      evidence: [
        { kind: 'minutes', ref: 'x' },
        { kind: 'decision', ref: 'y' },
      ],
    };
    expect(code(() => run(monitored, 'county', 'ELIMINATE_RISK', {}, eliminate))).toBe('RISK_NOT_ELIMINATED');
    const richer = { ...exited(18_000), status: 'MONITORED' as const, monitorType: '脱贫不稳定户' as const };
    expect(run(richer, 'county', 'ELIMINATE_RISK', {}, eliminate).household.status).toBe('RISK_ELIMINATED');
  });
  it('raises an orange alert past a step day and red after day 15', () => {
    expect(monitoringAlert('SIGNALLED', '2018-03-01', '2018-03-02')).toBe('none');
    expect(monitoringAlert('SIGNALLED', '2018-03-01', '2018-03-03')).toBe('orange');
    expect(monitoringAlert('COUNTY_DECIDED', '2018-03-01', '2018-03-17')).toBe('red');
  });
});

describe('village exit (seed 000 EX-7…EX-11 L1072–1103)', () => {
  const base = {
    village: '370405103201',
    year: 2018,
    ruralPopulation: 1000,
    poorPersons: 20,
    checklist: { infrastructure: true, publicServices: true, industry: true, collectiveIncomeFen: 3_000_000 },
  };
  it('compares the exact incidence with 2%, not the rounded percentage (seed 000 EX-7 L1072–1077, 以下 inclusive)', () => {
    // 2.004%: shown as 2.00, but above 2%.
    expect(incidencePercent(501, 25_000)).toBe(2);
    expect(incidenceWithinMax(501, 25_000)).toBe(false);
    expect(incidenceWithinMax(500, 25_000)).toBe(true);
    expect(code(() => openVillageExit({ ...base, ruralPopulation: 25_000, poorPersons: 501 }, 'town', [{ kind: 'review-form', ref: 'x' }], '2018-03-01'))).toBe(
      'INCIDENCE_TOO_HIGH',
    );
    const c = { today: '2018-03-10', window: undefined, role: 'county' as const, poorPersons: 501 };
    const cleared = {
      ...openVillageExit({ ...base, ruralPopulation: 25_000, poorPersons: 400 }, 'town', [{ kind: 'review-form', ref: 'x' }], '2018-03-01'),
      state: 'NOTICE_CLEARED' as const,
    };
    expect(code(() => applyVillageExitAction(cleared, { action: 'EVALUATE', evidence: [{ kind: 'acceptance-report', ref: 'x' }] }, c))).toBe('INCIDENCE_TOO_HIGH');
  });
  it('checks the collective income per jurisdiction: 峄城 ≥ 3万 (002 T-11 L101), 青岛 ≥ 15万 (003 EX-3 L99), 台儿庄 none', () => {
    const form = [{ kind: 'review-form' as const, ref: 'x' }];
    const at = (village: string, collectiveIncomeFen: number, exception?: string) => () =>
      openVillageExit({ ...base, village, checklist: { ...base.checklist, collectiveIncomeFen }, ...(exception ? { exception } : {}) }, 'town', form, '2018-03-01');
    expect(code(at('370404101201', 2_999_999))).toBe('COLLECTIVE_INCOME_TOO_LOW');
    expect(code(at('370404101201', 3_000_000))).toBe('NO_ERROR');
    expect(code(at('370404101201', 0, '集体经济项目年底见效'))).toBe('NO_ERROR');
    expect(code(at('370281101201', 14_999_999))).toBe('COLLECTIVE_INCOME_TOO_LOW');
    expect(code(at('370281101201', 15_000_000))).toBe('NO_ERROR');
    expect(code(at('370405103201', 0))).toBe('NO_ERROR');
  });
  it('announces the exit at district and town in 台儿庄 (000 EX-10 L1095), once in the county in 沂源 (001 E-6 L186)', () => {
    expect(noticeRegionsOf('370405103201', 'village-exit-announcement')).toEqual(['370405000000', '370405103000']);
    expect(noticeRegionsOf('370323104201', 'village-exit-announcement')).toEqual(['370323000000']);
    expect(noticeRegionsOf('370405103201', 'village-exit-notice')).toEqual(['370405103201']);
    const announced = { ...openVillageExit(base, 'town', [{ kind: 'review-form', ref: 'x' }], '2018-03-01'), state: 'ANNOUNCED' as const };
    const posted = { ...announced, notice: { requestIds: ['R-district', 'R-town'], cleared: [], type: 'village-exit-announcement', held: false } };
    const one = applyVillageNoticeOutcome(posted, 'R-district', 'clear', 'window-closed', '2018-03-20');
    expect(one).toMatchObject({ state: 'ANNOUNCED', notice: { cleared: ['R-district'] } });
    expect(applyVillageNoticeOutcome(one!, 'R-town', 'clear', 'window-closed', '2018-03-20')?.state).toBe('ANNOUNCEMENT_CLEARED');
    expect(applyVillageNoticeOutcome(one!, 'R-town', 'upheld', 'window-closed', '2018-03-20')?.state).toBe('NOT_EXITED');
    expect(applyVillageNoticeOutcome(posted, 'R-other', 'clear', 'window-closed', '2018-03-20')).toBeUndefined();
  });
  it('incidence ≤ 2% passes (inclusive); above needs a written exception', () => {
    expect(incidencePercent(20, 1000)).toBe(2);
    expect(incidencePercent(1, 3)).toBe(33.33);
    expect(openVillageExit(base, 'town', [{ kind: 'review-form', ref: 'x' }], '2018-03-01').state).toBe('PRELIM_REVIEWED');
    expect(code(() => openVillageExit({ ...base, poorPersons: 21 }, 'town', [{ kind: 'review-form', ref: 'x' }], '2018-03-01'))).toBe('INCIDENCE_TOO_HIGH');
    expect(code(() => openVillageExit(base, 'village', [{ kind: 'review-form', ref: 'x' }], '2018-03-01'))).toBe('WRONG_ROLE');
  });
  it('walks 7-day 公示 → 测评验收 → approval → 5-day 公告 → 备案 → 销号 in the window', () => {
    const c = { today: '2018-03-10', window: { opens: '2018-03-01', closes: '2018-03-31' }, poorPersons: 10 };
    let r = openVillageExit(base, 'town', [{ kind: 'review-form', ref: 'x' }], '2018-03-01');
    const posted = applyVillageExitAction(r, { action: 'POST_NOTICE', evidence: [] }, { ...c, role: 'town' });
    expect(posted.notice).toEqual({ type: 'village-exit-notice', days: 7 });
    r = { ...posted.record, state: 'NOTICE_CLEARED' };
    r = applyVillageExitAction(r, { action: 'EVALUATE', evidence: [{ kind: 'acceptance-report', ref: 'x' }] }, { ...c, role: 'county' }).record;
    expect(r.incidencePercent).toBe(1);
    r = applyVillageExitAction(r, { action: 'APPROVE', evidence: [{ kind: 'approval', ref: 'x' }] }, { ...c, role: 'leading_group' }).record;
    r = { ...applyVillageExitAction(r, { action: 'POST_NOTICE', evidence: [] }, { ...c, role: 'county' }).record, state: 'ANNOUNCEMENT_CLEARED' };
    r = applyVillageExitAction(r, { action: 'FILE', evidence: [{ kind: 'filing', ref: 'x' }] }, { ...c, role: 'leading_group' }).record;
    expect(code(() => applyVillageExitAction(r, { action: 'DEREGISTER', evidence: [{ kind: 'nsys-receipt', ref: 'x' }] }, { ...c, role: 'county', window: undefined }))).toBe(
      'NSYS_WINDOW_CLOSED',
    );
    const done = applyVillageExitAction(r, { action: 'DEREGISTER', evidence: [{ kind: 'nsys-receipt', ref: 'x' }] }, { ...c, role: 'county' });
    expect(done).toMatchObject({ exited: true, record: { state: 'DEREGISTERED', policyUntil: '2021-03-10' } });
  });
});

describe('household update changes exactly the fields it names (PATCH /households/{id})', () => {
  /** One valid new value for every field the update accepts. */
  const SAMPLES: Record<string, unknown> = {
    group: '五组',
    phone: '13800000000',
    mainCause: '02',
    secondaryCauses: ['09'],
    standard: 'national',
    income: { year: 2017, wageFen: 500_000, businessFen: 0, businessCostFen: 0, transferFen: 0, propertyFen: 0 },
    welfare: { ...ok, education: false },
    housing: { dangerGrade: 'C', safeDrinkingWater: true },
  };
  /** 民政's flags: refused from the form (workflows.md §1.1; 004 ID-23 L904). */
  const REFUSED = ['dibao', 'tekun'];
  /** Fields derived from a changed one (refresh), besides the field itself. */
  const DERIVED: Record<string, string[]> = {
    income: ['incomePerCapitaFen', 'colour'],
    welfare: ['colour'],
    housing: ['colour'],
    standard: ['standardEntered'],
  };

  it('has a sample for every field of the update', () => {
    const shape = (identificationApi.UpdateHouseholdBody.shape.changes as unknown as { _zod: { def: { shape: Record<string, unknown> } } })._zod.def.shape;
    expect([...Object.keys(SAMPLES), ...REFUSED].sort()).toEqual(Object.keys(shape).sort());
  });

  it.each(REFUSED)('refuses %s from the household form: 低保/特困 come from 民政 (004 ID-23 L904)', (flag) => {
    const update = identificationApi.UpdateHouseholdBody.safeParse({ version: 1, changes: { [flag]: true }, reason: '核实' });
    expect(update.success).toBe(false);
    expect(update.error?.issues[0]).toMatchObject({ path: ['changes', flag], message: identificationApi.MINZHENG_ONLY_MESSAGE });
    const create = identificationApi.CreateHouseholdBody.safeParse({ ...applicationBody(), [flag]: false });
    expect(create.error?.issues[0]).toMatchObject({ path: [flag], message: identificationApi.MINZHENG_ONLY_MESSAGE });
  });

  it('sets 低保/特困 only through 民政 status, and the attribute follows', () => {
    const h = household();
    expect(h).toMatchObject({ dibao: false, tekun: false, attribute: '一般贫困户' });
    const { household: next, changed } = setMinzhengStatus(h, { dibao: true }, []);
    expect([changed, next.dibao, next.tekun, next.attribute]).toEqual([['dibao'], true, false, '低保贫困户']);
    expect(code(() => setMinzhengStatus(next, { dibao: true, tekun: false }, []))).toBe('NOTHING_CHANGED');
  });

  it.each(Object.keys(SAMPLES))('sent alone, %s changes and nothing else does', (field) => {
    const before = refresh({ ...household(), secondaryCauses: ['08', '03'], dibao: true, tekun: true, phone: '05321234567' }, []);
    const body = identificationApi.UpdateHouseholdBody.parse({ version: 1, changes: { [field]: SAMPLES[field] }, reason: '核实更正' });
    expect(Object.keys(body.changes)).toEqual([field]);
    const { household: after, changed } = applyChanges(before, body.changes, []);
    expect(changed).toEqual([field]);
    const differing = Object.keys({ ...before, ...after }).filter(
      (key) => JSON.stringify((before as unknown as Record<string, unknown>)[key]) !== JSON.stringify((after as unknown as Record<string, unknown>)[key]),
    );
    const allowed = [field, ...(DERIVED[field] ?? [])];
    for (const key of differing) expect(allowed, `${key} changed when only ${field} was sent`).toContain(key);
    if (field !== 'secondaryCauses') expect(after.secondaryCauses).toEqual(['08', '03']);
    expect(after).toMatchObject({ dibao: true, tekun: true, attribute: '五保户' });
  });
});

describe('each comparison list belongs to its department (workflows.md §1.2 exclusion checks, Source column)', () => {
  const dept = (department: string) => ({ role: 'department', department });
  it('lets the owning department upload and refuses every other department', () => {
    expect(code(() => assertMayImport('gongan-death', dept('gongan')))).toBe('NO_ERROR');
    expect(code(() => assertMayImport('gongan-death', dept('jiaoyu')))).toBe('SOURCE_NOT_OWNED');
    expect(code(() => assertMayImport('gongan-death', dept('minzheng')))).toBe('SOURCE_NOT_OWNED');
    expect(code(() => assertMayImport('minzheng-dibao', dept('minzheng')))).toBe('NO_ERROR');
    expect(code(() => assertMayImport('minzheng-dibao', { role: 'department' }))).toBe('SOURCE_NOT_OWNED');
    for (const [source, owner] of Object.entries(SOURCES)) {
      expect(
        code(() => assertMayImport(source as keyof typeof SOURCES, dept('jiaoyu'))),
        source,
      ).toBe('SOURCE_NOT_OWNED');
      if (owner.department)
        expect(
          code(() => assertMayImport(source as keyof typeof SOURCES, dept(owner.department as string))),
          source,
        ).toBe('NO_ERROR');
    }
  });
  it('lets the county upload the block and review results it collects, never a list that sets a department-owned fact (004 ID-23 L904)', () => {
    expect(code(() => assertMayImport('caizheng-payroll', { role: 'county' }))).toBe('NO_ERROR');
    expect(code(() => assertMayImport('finance', { role: 'county' }))).toBe('NO_ERROR');
    for (const source of ['minzheng-dibao', 'minzheng-tekun', 'canlian-disability'] as const)
      expect(code(() => assertMayImport(source, { role: 'county' }))).toBe('SOURCE_NOT_OWNED');
  });
  it('gates the import route on exactly the departments that own a list', () => {
    const owners = new Set(Object.values(SOURCES).flatMap((s) => (s.department ? [s.department] : [])));
    expect([...owners].sort()).toEqual([...identificationApi.COMPARISON_DEPARTMENTS].sort());
    expect(identificationApi.importComparison.departments).toEqual(identificationApi.COMPARISON_DEPARTMENTS);
  });
});

describe('脱贫不再享受政策 (seed 002 E-2 L31; workflows.md §2.2)', () => {
  function exited(incomeYuan: number): HouseholdRecord {
    const { workflow: _w, ...rest } = household(incomeYuan);
    return { ...rest, status: 'EXITED_WITH_POLICY', registeredAt: '2016-01-01', exitedAt: '2017-06-01', policyUntil: '2020-12-31' };
  }
  const propose = {
    evidence: [
      { kind: 'survey', ref: '入户调查表' },
      { kind: 'minutes', ref: '村民代表会议记录' },
    ],
    reason: '收入达到农民人均收入水平',
  };
  // 3 members: exited(36_000) has 12,000 yuan per person; 35,999 yuan is 11,999.67 each.
  const reference = { fen: 1_200_000, source: '台儿庄区统计局2017年农民人均可支配收入' };

  it('walks VRA review → 7-day 公示 → town approval → LG filing to EXITED_NO_POLICY', () => {
    const started = run(exited(36_000), 'village', 'PROPOSE_NO_POLICY', {}, { ...propose, referenceIncome: reference });
    expect(started.household.workflow).toMatchObject({ kind: 'no-policy', state: 'REVIEWED' });
    const posted = run(started.household, 'village', 'POST_NOTICE');
    expect(posted.notice).toEqual({ type: 'exit-no-policy', days: 7 });
    let h = clear(posted.household);
    expect(code(() => run(h, 'village', 'TOWN_APPROVE', {}, { evidence: [{ kind: 'approved-list', ref: 'x' }] }))).toBe('WRONG_ROLE');
    h = run(h, 'town', 'TOWN_APPROVE', {}, { evidence: [{ kind: 'approved-list', ref: 'x' }] }).household;
    expect(code(() => run(h, 'town', 'FILE'))).toBe('WRONG_ROLE');
    const done = run(h, 'leading_group', 'FILE');
    expect(done.household.status).toBe('EXITED_NO_POLICY');
    expect(done.household.workflow).toBeUndefined();
    expect(done.household.policyUntil).toBeUndefined();
    expect(done).toMatchObject({ events: ['changed'], changes: ['status'] });
  });

  it('needs a trigger: income reaching the farmers’ per-capita income, or a standing block hit; and only from EXITED_WITH_POLICY', () => {
    expect(code(() => run(exited(36_000), 'village', 'PROPOSE_NO_POLICY', {}, propose))).toBe('NO_POLICY_NOT_MET');
    expect(code(() => run(exited(35_999), 'village', 'PROPOSE_NO_POLICY', {}, { ...propose, referenceIncome: reference }))).toBe('NO_POLICY_NOT_MET');
    const block: HitRecord = { hitId: 'X', householdId: 'H1', memberId: 'M1', memberName: '王建国', source: 'caizheng-payroll', severity: 'block', detail: '在编', createdAt: 't' };
    expect(run(exited(6000), 'village', 'PROPOSE_NO_POLICY', { hits: [block] }, propose).household.workflow?.kind).toBe('no-policy');
    const registered = { ...exited(36_000), status: 'REGISTERED' as const };
    expect(code(() => run(registered, 'village', 'PROPOSE_NO_POLICY', {}, { ...propose, referenceIncome: reference }))).toBe('STATUS_NOT_ELIGIBLE');
    expect(code(() => run(exited(36_000), 'village', 'PROPOSE_NO_POLICY', {}, { ...propose, evidence: [], referenceIncome: reference }))).toBe('EVIDENCE_MISSING');
  });

  it('falls back to EXITED_WITH_POLICY on an upheld objection or the town’s refusal (workflows.md §4.1)', () => {
    const posted = run(run(exited(36_000), 'village', 'PROPOSE_NO_POLICY', {}, { ...propose, referenceIncome: reference }).household, 'village', 'POST_NOTICE').household;
    const noticed = { ...posted, workflow: { ...posted.workflow!, notice: { requestId: 'R', type: 'exit-no-policy', held: false } } };
    const upheld = applyNoticeOutcome(noticed, 'R', 'upheld', { lines: [], today: '2018-03-20' })!.household;
    expect(upheld).toMatchObject({ status: 'EXITED_WITH_POLICY', policyUntil: '2020-12-31' });
    expect(upheld.workflow).toBeUndefined();
    const refused = run(clear(posted), 'town', 'REJECT', {}, { evidence: [{ kind: 'review-form', ref: 'x' }], reason: '收入不稳定' }).household;
    expect(refused).toMatchObject({ status: 'EXITED_WITH_POLICY', lastDecision: { action: 'REJECT' } });
  });
});
