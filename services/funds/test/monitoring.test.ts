import { describe, expect, it } from 'vitest';
import { expenditureProgress, monitoringFlags, type PotView, type ProjectView } from '../src/domain/monitoring.js';

const pot: PotView = {
  potId: 'F1:370405103000',
  fundTitle: '2019年市级财政专项扶贫资金',
  region: '370405103000',
  year: 2019,
  inFen: 1_200_000,
  availableFen: 200_000,
  allocatedOutFen: 0,
  committedFen: 700_000,
  disbursedFen: 300_000,
  arrivedOn: '2019-02-01',
  lastCommittedOn: '2019-05-01',
};
const project: ProjectView = {
  projectId: 'P1',
  name: '冯庄村大棚项目',
  region: '370405103201',
  state: 'IN_PROGRESS',
  stateSince: '2019-04-01',
  plannedEnd: '2019-10-31',
  implementer: '冯庄村股份经济合作社',
  budgetFen: 1_000_000,
  disbursedFen: 300_000,
  progressPercent: 50,
  beneficiaries: ['h1'],
};
const base = { today: '2019-06-15', pots: [pot], projects: [project], payments: [], assets: [], householdStatus: new Map([['h1', 'REGISTERED']]) };

describe('monitoring (seed 004 L411 闲置、挪用、虚报冒领; SCH-02 L408 支出月调度; workflows.md §7 bands)', () => {
  it('workflows.md §7: expenditure against the months elapsed; below 80% is behind', () => {
    // June: expected 6/12 of 1.2 万 = 6,000 元; paid 3,000 元 = 50% → behind.
    expect(expenditureProgress(pot, '2019-06-15')).toEqual({ baseFen: 1_200_000, expectedFen: 600_000, progressPermille: 250, status: 'behind' });
    expect(expenditureProgress({ ...pot, disbursedFen: 500_000 }, '2019-06-15').status).toBe('at-risk');
    expect(expenditureProgress({ ...pot, disbursedFen: 600_000 }, '2019-06-15').status).toBe('on-track');
    expect(monitoringFlags(base).map((f) => f.code)).toEqual(['EXPENDITURE_BEHIND']);
  });

  it('seed 004 L774: money not committed 90 days after it arrived is idle (闲置)', () => {
    const flags = monitoringFlags({ ...base, today: '2019-06-15', pots: [{ ...pot, disbursedFen: 600_000, lastCommittedOn: '2019-03-01' }] });
    expect(flags.map((f) => f.code)).toEqual(['IDLE_FUNDS']);
    expect(flags[0]?.rule).toContain('L774');
    expect(monitoringFlags({ ...base, pots: [{ ...pot, disbursedFen: 600_000, lastCommittedOn: '2019-03-20' }] })).toEqual([]);
  });

  it('seed 004 L774 虚增工程量: paid beyond the reported progress is a 虚报冒领 flag; SUB-92 L780 ineligible beneficiaries too', () => {
    const flags = monitoringFlags({ ...base, pots: [], projects: [{ ...project, progressPercent: 20 }], householdStatus: new Map([['h1', 'REJECTED']]) });
    expect(flags.map((f) => f.code)).toEqual(['FALSE_CLAIM', 'FALSE_CLAIM']);
  });

  it('seed 004 L774 挤占挪用: a payment to someone other than the implementer; seed 002 S-9 L51: an asset without an operator', () => {
    const flags = monitoringFlags({
      ...base,
      pots: [],
      payments: [{ projectId: 'P1', paymentId: 'Y1', payee: '某建材公司', amountFen: 100_000, paidOn: '2019-05-01' }],
      assets: [{ assetId: 'A1', name: '冯庄村光伏电站', region: '370405103201', operator: null }],
    });
    expect(flags.map((f) => f.code)).toEqual(['DIVERSION', 'ASSET_NO_OPERATOR']);
  });

  it('seed 004 SUB-90 L776: an approved project not started within a month, a project past its planned end, an accepted one not handed over', () => {
    const flags = monitoringFlags({
      ...base,
      today: '2019-11-15',
      pots: [],
      projects: [
        { ...project, state: 'APPROVED', stateSince: '2019-10-01' },
        { ...project, projectId: 'P2', progressPercent: 100 },
        { ...project, projectId: 'P3', state: 'ACCEPTED', stateSince: '2019-10-01' },
        { ...project, projectId: 'P4', state: 'APPROVED', stateSince: '2019-10-20' },
      ],
    });
    expect(flags.map((f) => [f.code, f.subject])).toEqual([
      ['STEP_OVERDUE', 'P1'],
      ['STEP_OVERDUE', 'P2'],
      ['STEP_OVERDUE', 'P3'],
    ]);
  });
});
