import { describe, expect, it } from 'vitest';
import { assertEditable, assertMilestone, assertPayable, assertReadyForAcceptance, decideStep, type Evidence, validateBeneficiaries } from '../src/domain/project.js';

const VILLAGE = '370405103201';
const project = { state: 'RESERVE' as const, region: VILLAGE, proposer: { role: 'village' as const, name: '冯庄村两委' } };
const county = { role: 'county' as const, region: '370405000000' };
const minutes: Evidence[] = [{ kind: 'meeting-minutes', ref: '区扶贫开发领导小组会议纪要.pdf' }];

describe('project state machine (seed 002 S-8 L51: 储备 → 遴选立项 → 组织实施 → 竣工验收 → 建后管护)', () => {
  it('seed 004 SUB-85 L407: the county selects (立项) with the meeting record; the village may not', () => {
    expect(decideStep(project, 'approve', county, minutes).to).toBe('APPROVED');
    expect(() => decideStep(project, 'approve', { role: 'village', region: VILLAGE }, minutes)).toThrow(/FORBIDDEN/);
    expect(() => decideStep(project, 'approve', county, [])).toThrow(/EVIDENCE_REQUIRED/);
    expect(() => decideStep(project, 'approve', { role: 'county', region: '370403000000' }, minutes)).toThrow(/OUT_OF_SCOPE/);
  });

  it('steps follow the documents order: no implementation before selection, no acceptance before implementation', () => {
    expect(() => decideStep(project, 'start', { role: 'village', region: VILLAGE }, [{ kind: 'implementation-plan', ref: '方案.docx' }])).toThrow(/PROJECT_STEP_NOT_ALLOWED/);
    expect(decideStep({ ...project, state: 'APPROVED' }, 'start', { role: 'village', region: VILLAGE }, [{ kind: 'implementation-plan', ref: '方案.docx' }]).to).toBe(
      'IN_PROGRESS',
    );
    expect(() => decideStep({ ...project, state: 'APPROVED' }, 'accept', county, [{ kind: 'acceptance-report', ref: 'x.pdf' }])).toThrow(/PROJECT_STEP_NOT_ALLOWED/);
    expect(decideStep({ ...project, state: 'IN_PROGRESS' }, 'accept', county, [{ kind: 'acceptance-report', ref: 'x.pdf' }]).to).toBe('ACCEPTED');
    expect(decideStep({ ...project, state: 'ACCEPTED' }, 'handover', county, [{ kind: 'handover', ref: '移交书.pdf' }]).to).toBe('HANDED_OVER');
  });

  it('a department acts only on its own projects', () => {
    const departmentProject = { ...project, state: 'APPROVED' as const, proposer: { role: 'department' as const, name: '区农业局', department: 'nongye' } };
    const plan: Evidence[] = [{ kind: 'contract', ref: '合同.pdf' }];
    expect(decideStep(departmentProject, 'start', { role: 'department', region: '370405000000', department: 'nongye' }, plan).to).toBe('IN_PROGRESS');
    expect(() => decideStep(departmentProject, 'start', { role: 'department', region: '370405000000', department: 'jiaoyu' }, plan)).toThrow(/FORBIDDEN/);
  });

  it('issue 16: no payment to a project not yet being implemented; payments by 扶贫办 or 财政局 only', () => {
    expect(() => assertPayable({ state: 'APPROVED', region: VILLAGE }, county)).toThrow(/PROJECT_NOT_PAYABLE/);
    expect(() => assertPayable({ state: 'RESERVE', region: VILLAGE }, county)).toThrow(/PROJECT_NOT_PAYABLE/);
    expect(() => assertPayable({ state: 'IN_PROGRESS', region: VILLAGE }, county)).not.toThrow();
    expect(() => assertPayable({ state: 'ACCEPTED', region: VILLAGE }, { role: 'department', region: '370405000000', department: 'caizheng' })).not.toThrow();
    expect(() => assertPayable({ state: 'IN_PROGRESS', region: VILLAGE }, { role: 'department', region: '370405000000', department: 'jiaoyu' })).toThrow(/FORBIDDEN/);
    expect(() => assertPayable({ state: 'IN_PROGRESS', region: VILLAGE }, { role: 'village', region: VILLAGE })).toThrow(/FORBIDDEN/);
  });

  it('issue 16: an accepted project cannot be edited; only the reserve can', () => {
    expect(() => assertEditable({ state: 'ACCEPTED' })).toThrow(/PROJECT_IMMUTABLE/);
    expect(() => assertEditable({ state: 'HANDED_OVER' })).toThrow(/PROJECT_IMMUTABLE/);
    expect(() => assertEditable({ state: 'APPROVED' })).toThrow(/PROJECT_NOT_EDITABLE/);
    expect(() => assertEditable({ state: 'RESERVE' })).not.toThrow();
  });

  it('milestones move forward and acceptance needs 100%', () => {
    const p = { plannedStart: '2019-03-01', milestones: [{ name: '基础', date: '2019-04-01', progressPercent: 40, evidence: [] }] };
    expect(() => assertMilestone(p, { progressPercent: 30, date: '2019-05-01' })).toThrow(/MILESTONE_BACKWARDS/);
    expect(() => assertMilestone(p, { progressPercent: 60, date: '2019-03-20' })).toThrow(/MILESTONE_BACKWARDS/);
    expect(() => assertMilestone(p, { progressPercent: 101, date: '2019-05-01' })).toThrow(/MILESTONE_INVALID/);
    expect(() => assertReadyForAcceptance(p)).toThrow(/PROJECT_NOT_COMPLETE/);
    expect(() => assertReadyForAcceptance({ milestones: [{ ...p.milestones[0], progressPercent: 100 } as never] })).not.toThrow();
  });

  it('issue 16: beneficiaries are registered households inside the project region', () => {
    const households = new Map([
      ['h1', { householdId: 'h1', region: VILLAGE, status: 'REGISTERED' }],
      ['h2', { householdId: 'h2', region: '370405102201', status: 'REGISTERED' }],
      ['h3', { householdId: 'h3', region: VILLAGE, status: 'REJECTED' }],
    ]);
    expect(() => validateBeneficiaries(VILLAGE, [{ householdId: 'h1', link: 'shares', shares: 2 }], households)).not.toThrow();
    expect(() => validateBeneficiaries(VILLAGE, [{ householdId: 'h2', link: 'shares', shares: 1 }], households)).toThrow(/BENEFICIARY_OUTSIDE_REGION/);
    expect(() => validateBeneficiaries(VILLAGE, [{ householdId: 'h3', link: 'shares', shares: 1 }], households)).toThrow(/BENEFICIARY_NOT_ELIGIBLE/);
    expect(() => validateBeneficiaries(VILLAGE, [{ householdId: 'hx', link: 'shares', shares: 1 }], households)).toThrow(/BENEFICIARY_UNKNOWN/);
    expect(() =>
      validateBeneficiaries(
        VILLAGE,
        [
          { householdId: 'h1', link: 'shares', shares: 1 },
          { householdId: 'h1', link: 'rent', shares: 1 },
        ],
        households,
      ),
    ).toThrow(/BENEFICIARY_REPEATED/);
    // A town project's beneficiaries may live in any of its villages.
    expect(() => validateBeneficiaries('370405102000', [{ householdId: 'h2', link: 'employment', shares: 1 }], households)).not.toThrow();
  });
});
