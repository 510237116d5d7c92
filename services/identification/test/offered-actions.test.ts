import { DomainError, identificationApi, ROLES, type Role } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { applyAction, offeredActions } from '../src/domain/actions.js';
import { ENTRY_NOTICES, ENTRY_STEPS } from '../src/domain/entry.js';
import { EXIT_NOTICES, EXIT_STEPS } from '../src/domain/exit.js';
import type { HouseholdRecord } from '../src/domain/household.js';
import { MONITORING_NOTICES, MONITORING_STEPS } from '../src/domain/monitoring.js';
import { NO_POLICY_NOTICES, NO_POLICY_STEPS } from '../src/domain/no-policy.js';
import { openHousehold } from '../src/domain/register.js';
import { applicationBody, MEETING } from './support.js';

/**
 * GET /households/{id}/actions must offer exactly the steps the POST accepts as to order, role and
 * register status: for every workflow state, every status and every role, an action is offered
 * if and only if applyAction does not refuse it with one of those refusals.
 */
const ORDER_ROLE_STATUS = new Set(['WRONG_ROLE', 'TRANSITION_OUT_OF_ORDER', 'UNKNOWN_ACTION', 'STATUS_NOT_ELIGIBLE', 'NOTICE_PENDING']);

function base(): HouseholdRecord {
  const body = identificationApi.CreateHouseholdBody.parse(applicationBody({ incomeYuan: 2000 }));
  let n = 0;
  return openHousehold(body, { householdId: 'H1', nextId: () => `M${++n}`, today: '2018-03-01', role: 'village', lines: [] });
}

const MACHINES = [
  { kind: 'entry', steps: ENTRY_STEPS, notices: ENTRY_NOTICES },
  { kind: 'exit', steps: EXIT_STEPS, notices: EXIT_NOTICES },
  { kind: 'monitoring', steps: MONITORING_STEPS, notices: MONITORING_NOTICES },
  { kind: 'no-policy', steps: NO_POLICY_STEPS, notices: NO_POLICY_NOTICES },
] as const;
const ALL_ACTIONS = [...new Set([...MACHINES.flatMap((m) => m.steps.map((s) => s.action)), 'RE_REGISTER', 'ELIMINATE_RISK'])];
const EVERY_EVIDENCE = identificationApi.EvidenceKind.options.map((kind) => ({ kind, ref: '材料' }));

function refusal(household: HouseholdRecord, role: Role, action: string): string | undefined {
  try {
    applyAction(
      household,
      { action, evidence: EVERY_EVIDENCE, meeting: MEETING, reason: '理由', monitorType: '边缘易致贫户', referenceIncome: { fen: 1, source: '统计局' } },
      { role, today: '2018-03-10', lines: [], window: { opens: '2018-03-01', closes: '2018-03-31' }, hits: [] },
    );
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

function situations(): { name: string; household: HouseholdRecord }[] {
  const out: { name: string; household: HouseholdRecord }[] = [];
  const start = base();
  for (const status of identificationApi.Household.shape.status.options) {
    const { workflow: _w, ...rest } = start;
    out.push({ name: `${status}, no workflow`, household: { ...rest, status, ...(status === 'MONITORED' ? { exitedAt: '2017-12-01' } : {}) } as HouseholdRecord });
  }
  for (const machine of MACHINES) {
    const states = new Set([...machine.steps.map((s) => s.from), ...machine.steps.map((s) => s.to), ...machine.notices.map((n) => n.state)].filter((s) => s !== null) as string[]);
    for (const state of states) {
      out.push({
        name: `${machine.kind}:${state}`,
        household: {
          ...start,
          workflow: { kind: machine.kind, state, startedAt: '2018-03-01', stepAt: '2018-03-01', ...(machine.kind === 'monitoring' ? { monitorType: '边缘易致贫户' } : {}) },
        } as HouseholdRecord,
      });
    }
  }
  return out;
}

describe('offered actions (GET /households/{id}/actions) = what the write accepts on order, role and status', () => {
  for (const { name, household } of situations()) {
    it(name, () => {
      for (const role of ROLES) {
        const offered = new Set(offeredActions(household, role).items.map((item) => item.action));
        for (const action of ALL_ACTIONS) {
          const code = refusal(household, role, action);
          const refusedForOrderRoleOrStatus = code !== undefined && ORDER_ROLE_STATUS.has(code);
          expect(offered.has(action), `${role} ${action}: refused with ${code ?? 'nothing'}`).toBe(!refusedForOrderRoleOrStatus);
        }
      }
    });
  }

  it('names what each step asks for: SURVEY the survey form and photos; ASSEMBLY_REVIEW the meeting; REJECT a reason', () => {
    const applied = base();
    expect(offeredActions(applied, 'village').items).toEqual([
      expect.objectContaining({ action: 'SURVEY', workflow: 'entry', to: 'SURVEYED', evidence: ['survey', 'photos'], meeting: false }),
    ]);
    expect(offeredActions(applied, 'town').items).toEqual([]);
    const compared = { ...applied, workflow: { ...applied.workflow!, state: 'COMPARED' } } as HouseholdRecord;
    const steps = offeredActions(compared, 'village').items;
    expect(steps.find((s) => s.action === 'ASSEMBLY_REVIEW')).toMatchObject({ meeting: true });
    expect(steps.find((s) => s.action === 'REJECT')).toMatchObject({ reasonRequired: true });
  });

  it('offers nothing while a notice window is open, and says why', () => {
    const applied = base();
    const noticing = { ...applied, workflow: { ...applied.workflow!, state: 'NOTICE1', notice: { requestId: 'R', type: 'entry-first', held: false } } } as HouseholdRecord;
    expect(offeredActions(noticing, 'village')).toEqual({ items: [], waiting: expect.stringContaining('公示') });
  });
});
