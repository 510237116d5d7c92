import { describe, expect, it } from 'vitest';
import { isPublic, progressOf, publicProject } from '../src/app/public-project.js';
import type { ProjectRecord } from '../src/app/records.js';

const project: ProjectRecord = {
  projectId: 'P-1',
  name: '冯庄村村级光伏扶贫电站',
  type: 'pv',
  region: '370405103201',
  proposer: { role: 'village', name: '冯庄村委会' },
  implementer: '涧头集镇人民政府',
  year: 2019,
  budgetFen: 60_000_000,
  plannedStart: '2019-04-01',
  plannedEnd: '2019-10-31',
  description: '建设村级光伏电站，收益用于贫困户分红和公益岗位。',
  beneficiaries: [
    { householdId: 'H-2', link: 'dividend', shares: 1 },
    { householdId: 'H-1', link: 'dividend', shares: 1 },
    { householdId: 'H-3', link: 'employment', shares: 0 },
  ],
  state: 'IN_PROGRESS',
  stateSince: '2019-05-02',
  milestones: [
    { name: '基础施工完成', date: '2019-05-30', progressPercent: 30, evidence: [{ kind: 'photo', ref: 'site-1.jpg' }] },
    { name: '组件安装完成', date: '2019-06-20', progressPercent: 70, evidence: [] },
  ],
  steps: [],
  accounts: {},
  committedFen: 60_000_000,
  disbursedFen: 30_000_000,
  version: 5,
} as unknown as ProjectRecord;

const heads = new Map([
  ['H-1', '冯建国'],
  ['H-2', '王秀英'],
  ['H-3', '李明'],
]);

describe('the public project page (issue 16; seed 004 PUB-01 L409, seed 002 P-2 L55)', () => {
  it('is public from 立项 on, never as a reserve or rejected proposal', () => {
    expect(['RESERVE', 'REJECTED', 'APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'HANDED_OVER'].filter((state) => isPublic({ state } as ProjectRecord))).toEqual([
      'APPROVED',
      'IN_PROGRESS',
      'ACCEPTED',
      'HANDED_OVER',
    ]);
  });

  it('shows budget, progress, money paid by date, and beneficiaries by masked name and link only', () => {
    const shown = publicProject(
      project,
      [
        { paidOn: '2019-07-01', amountFen: 20_000_000 },
        { paidOn: '2019-06-01', amountFen: 10_000_000 },
      ],
      heads,
    );
    expect(shown).toMatchObject({ budgetFen: 60_000_000, disbursedFen: 30_000_000, progressPercent: 70, stateName: '组织实施', typeName: expect.any(String) });
    expect(shown.payments).toEqual([
      { paidOn: '2019-06-01', amountFen: 10_000_000 },
      { paidOn: '2019-07-01', amountFen: 20_000_000 },
    ]);
    expect(shown.beneficiaries.households).toBe(3);
    expect(shown.beneficiaries.byLink.map((link) => link.households).sort()).toEqual([1, 2]);
    expect(shown.beneficiaries.heads.map((head) => head.maskedName).every((name) => name.includes('*'))).toBe(true);
    const text = JSON.stringify(shown);
    for (const hidden of ['冯建国', '王秀英', '李明', 'H-1', 'H-2', 'H-3', 'site-1.jpg', '冯庄村委会']) expect(text, hidden).not.toContain(hidden);
    // The masked names are sorted, not in the register's order.
    const masked = shown.beneficiaries.heads.map((head) => head.maskedName);
    expect(masked).toEqual([...masked].sort((a, b) => a.localeCompare(b, 'zh')));
  });

  it('counts an accepted project as done, and no milestone as nothing done', () => {
    expect(progressOf({ state: 'ACCEPTED', milestones: [] })).toBe(100);
    expect(progressOf({ state: 'APPROVED', milestones: [] })).toBe(0);
  });
});
