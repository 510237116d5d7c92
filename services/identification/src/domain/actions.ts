import { DomainError, type identificationApi, type Role } from '@jingzhun/types';
import { monitoringLine, riskFlagsOf } from './colour.js';
import { type HitRecord, openHits, unresolvedBlocks } from './comparison.js';
import { assessExit, entryIncomeMet, riskEliminated } from './eligibility.js';
import { ENTRY_NOTICES, ENTRY_STEPS } from './entry.js';
import { EXIT_NOTICES, EXIT_STEPS } from './exit.js';
import { type HouseholdRecord, type MonitorType, type RegisterStatus, refresh, type WorkflowState } from './household.js';
import { compareToThreshold, fenThreshold, perCapitaOf } from './income.js';
import { type Command, checkStep, findStep, type NoticeStage, type NoticeType, type Step } from './machine.js';
import { MONITORING_NOTICES, MONITORING_STEPS, monitoringDueDate } from './monitoring.js';
import { NO_POLICY_NOTICES, NO_POLICY_STEPS } from './no-policy.js';
import { assertWindowOpen, type NsysWindow, policyUntil } from './policy.js';
import { type LineInput, operativeLine } from './poverty-lines.js';

/**
 * Applies one workflow action to a household: finds the step for the current state, checks role,
 * evidence and meeting quorum (machine.ts), runs the step's own guards, and returns the next
 * record with what the caller must write: a notice request and the events to emit.
 */
export type EventKind = 'registered' | 'changed' | 'exited' | 'returned' | 'monitoring';

export interface ActionContext {
  role: Role;
  today: string;
  lines: readonly LineInput[];
  window: NsysWindow | undefined;
  hits: readonly HitRecord[];
}

export interface ActionResult {
  household: HouseholdRecord;
  notice?: { type: NoticeType; days: number };
  events: EventKind[];
  changes: string[];
}

type Kind = WorkflowState['kind'];
const MACHINES: Record<Kind, { steps: readonly Step[]; notices: readonly NoticeStage[]; label: string }> = {
  entry: { steps: ENTRY_STEPS, notices: ENTRY_NOTICES, label: '识别流程' },
  exit: { steps: EXIT_STEPS, notices: EXIT_NOTICES, label: '退出流程' },
  monitoring: { steps: MONITORING_STEPS, notices: MONITORING_NOTICES, label: '监测流程' },
  'no-policy': { steps: NO_POLICY_STEPS, notices: NO_POLICY_NOTICES, label: '脱贫不再享受政策流程' },
};

/** Steps taken on a household with no workflow running (dynamic adjustment, workflows.md §1.4, §2.2). */
const ADJUSTMENTS: readonly Step[] = [
  {
    action: 'RE_REGISTER',
    from: null,
    to: null,
    roles: ['county'],
    evidence: ['survey', 'approval'],
    citation: 'workflows.md §1.4 "Conversion"; 000 ID-9 L1019–1021 (返贫人口及时纳入)',
  },
  { action: 'ELIMINATE_RISK', from: null, to: null, roles: ['county'], evidence: ['minutes', 'decision'], citation: 'workflows.md §1.4 "Risk elimination"' },
];

const STARTS: Record<string, Kind> = { PRE_EXIT: 'exit', SIGNAL: 'monitoring', PROPOSE_NO_POLICY: 'no-policy' };

export const PUBLISHED = (status: RegisterStatus) => status !== 'APPLYING' && status !== 'REJECTED';

export function applyAction(household: HouseholdRecord, command: Command, ctx: ActionContext): ActionResult {
  const workflow = household.workflow;
  if (workflow) {
    const machine = MACHINES[workflow.kind];
    if (machine.notices.some((stage) => stage.state === workflow.state)) {
      throw new DomainError('NOTICE_PENDING', `正在公示（${workflow.state}），须等公示期结束后才能继续`, 409, { state: workflow.state });
    }
    if (STARTS[command.action] || ADJUSTMENTS.some((s) => s.action === command.action)) {
      throw new DomainError('TRANSITION_OUT_OF_ORDER', `${machine.label}进行中（${workflow.state}），不能执行 ${command.action}`, 409, { state: workflow.state });
    }
    const step = findStep(machine.steps, workflow.state, command.action, machine.label);
    checkStep(step, ctx.role, command);
    return runStep(household, workflow.kind, step, command, ctx);
  }
  const kind = STARTS[command.action];
  if (kind) {
    const step = findStep(MACHINES[kind].steps, null, command.action, MACHINES[kind].label);
    checkStep(step, ctx.role, command);
    return runStep(household, kind, step, command, ctx);
  }
  const adjustment = findStep(ADJUSTMENTS, null, command.action, '动态调整');
  checkStep(adjustment, ctx.role, command);
  return runAdjustment(household, adjustment, command, ctx);
}

function lineYuan(household: HouseholdRecord, ctx: ActionContext): number {
  // The jurisdiction's own line: 沂源 tests entry and exit against 淄博's 市扶贫标准 (seed 001 E-3 L176).
  return operativeLine(household.region, household.income.year, ctx.lines).amountYuan;
}

function activeCount(household: HouseholdRecord): number {
  return household.members.filter((m) => m.status === 'active').length;
}

function guards(household: HouseholdRecord, kind: Kind, step: Step, command: Command, ctx: ActionContext): void {
  const key = `${kind}:${step.action}`;
  switch (key) {
    case 'entry:ASSEMBLY_REVIEW': {
      const open = openHits(ctx.hits, 'review');
      if (open.length > 0) {
        throw new DomainError('HITS_UNREVIEWED', `有 ${open.length} 条比对结果须在村民代表会议上逐条说明理由后审核`, 409, { hits: open.map((h) => h.hitId) });
      }
      break;
    }
    case 'entry:TOWN_REVIEW':
    case 'entry:COUNTY_APPROVE':
    case 'monitoring:TOWN_REVIEW': {
      const blocks = unresolvedBlocks(ctx.hits);
      if (blocks.length > 0) {
        throw new DomainError('BLOCK_HIT_UNRESOLVED', `有 ${blocks.length} 条“阻断”类比对结果未解决（财政供养、死亡或重复身份证）`, 409, { hits: blocks.map((h) => h.hitId) });
      }
      if (kind === 'entry') {
        const line = lineYuan(household, ctx);
        if (!entryIncomeMet(perCapitaOf(household.income, activeCount(household)), line)) {
          throw new DomainError('NOT_ELIGIBLE_INCOME', `人均纯收入 ${household.incomePerCapitaFen / 100} 元高于 ${household.income.year} 年标准线 ${line} 元，不符合识别条件`, 409);
        }
      }
      break;
    }
    case 'exit:PRE_EXIT':
      assertStatusAllows(household, step.action);
      break;
    case 'exit:VERIFY':
    case 'exit:TOWN_ACCEPT': {
      const line = lineYuan(household, ctx);
      const assessment = assessExit(perCapitaOf(household.income, activeCount(household), true), line, household.welfare);
      if (!assessment.ok) throw new DomainError('EXIT_STANDARD_NOT_MET', `未达到退出标准：${assessment.reasons.join('；')}`, 409, assessment);
      break;
    }
    case 'entry:REGISTER':
    case 'exit:DEREGISTER':
      assertWindowOpen(ctx.window, ctx.today);
      break;
    case 'no-policy:PROPOSE_NO_POLICY': {
      // seed 002 E-2 L31: income reached the farmers' per-capita income, or the household clearly fails the standard (a block hit stands).
      assertStatusAllows(household, step.action);
      const blocks = unresolvedBlocks(ctx.hits);
      const reference = command.referenceIncome;
      const reached = reference !== undefined && compareToThreshold(perCapitaOf(household.income, activeCount(household)), fenThreshold(reference.fen)) >= 0;
      if (blocks.length === 0 && !reached) {
        throw new DomainError(
          'NO_POLICY_NOT_MET',
          reference
            ? `人均收入 ${household.incomePerCapitaFen / 100} 元未达到农民人均收入 ${reference.fen / 100} 元，且无“阻断”类比对结果，不能转为脱贫不再享受政策`
            : '须提供农民人均收入（及来源），或农户有“阻断”类比对结果（明显不符合贫困标准）',
          409,
          { blocks: blocks.map((h) => h.hitId) },
        );
      }
      break;
    }
    case 'monitoring:SIGNAL':
      if (!command.monitorType) throw new DomainError('MONITOR_TYPE_REQUIRED', '须选择监测对象类型', 400);
      assertStatusAllows(household, step.action);
      break;
    default:
      break;
  }
}

function runStep(household: HouseholdRecord, kind: Kind, step: Step, command: Command, ctx: ActionContext): ActionResult {
  guards(household, kind, step, command, ctx);
  const decision = { action: step.action, at: ctx.today, ...(command.reason ? { reason: command.reason } : {}) };
  if (step.to === null) {
    if (step.action === 'REJECT' || step.action === 'REFUSE') return fallback(household, decision, ctx);
    return finish(household, kind, step.action, decision, ctx);
  }
  const workflow: WorkflowState = household.workflow ? { ...household.workflow, state: step.to, stepAt: ctx.today } : startWorkflow(household, kind, step.to, command, ctx.today);
  if (!step.notice) delete workflow.notice;
  const next = refresh({ ...household, workflow, lastDecision: decision }, ctx.lines);
  const events: EventKind[] = [];
  const changes: string[] = [];
  if (step.action === 'SIGNAL' && workflow.cityStandard) {
    events.push('changed');
    changes.push('city-standard-relief');
  }
  return { household: next, events, changes, ...(step.notice ? { notice: step.notice } : {}) };
}

function startWorkflow(household: HouseholdRecord, kind: Kind, state: string, command: Command, today: string): WorkflowState {
  const workflow: WorkflowState = { kind, state, startedAt: today, stepAt: today, statusBefore: household.status };
  if (kind === 'monitoring') {
    workflow.monitorType = command.monitorType as MonitorType;
    workflow.signalledAt = today;
    workflow.dueDate = monitoringDueDate(today);
  }
  return workflow;
}

function finish(household: HouseholdRecord, kind: Kind, action: string, decision: HouseholdRecord['lastDecision'], ctx: ActionContext): ActionResult {
  const { workflow, ...rest } = household;
  const base = { ...rest, lastDecision: decision } as HouseholdRecord;
  if (kind === 'entry' && action === 'REGISTER') {
    return { household: refresh({ ...base, status: 'REGISTERED', registeredAt: ctx.today }, ctx.lines), events: ['registered'], changes: ['status'] };
  }
  if (kind === 'exit' && action === 'DEREGISTER') {
    const exited = refresh({ ...base, status: 'EXITED_WITH_POLICY', exitedAt: ctx.today, policyUntil: policyUntil(ctx.today) }, ctx.lines);
    return { household: exited, events: ['exited'], changes: ['status'] };
  }
  if (kind === 'no-policy' && action === 'FILE') {
    // workflows.md §2.2: 脱贫不再享受政策; the policy period ends with it.
    const { policyUntil: _p, ...withoutPolicy } = base;
    return { household: refresh({ ...withoutPolicy, status: 'EXITED_NO_POLICY' } as HouseholdRecord, ctx.lines), events: ['changed'], changes: ['status'] };
  }
  if (kind === 'monitoring' && action === 'CONFIRM' && workflow?.monitorType) {
    const signalled = workflow.signalledAt ? { monitoringSignalledAt: workflow.signalledAt } : {};
    const monitored = refresh({ ...base, status: 'MONITORED', monitorType: workflow.monitorType, ...signalled }, ctx.lines);
    return { household: monitored, events: ['monitoring'], changes: ['status', 'monitorType'] };
  }
  throw new Error(`no completion defined for ${kind}:${action}`);
}

/** Fallbacks (workflows.md §4.1): entry → REJECTED; exit → stays registered; monitoring → REJECTED or the status before; 不再享受政策 → stays EXITED_WITH_POLICY. */
export function fallback(household: HouseholdRecord, decision: HouseholdRecord['lastDecision'], ctx: Pick<ActionContext, 'lines'>): ActionResult {
  const { workflow, ...rest } = household;
  let status: RegisterStatus = household.status;
  if (workflow?.kind === 'entry') status = 'REJECTED';
  if (workflow?.kind === 'monitoring') status = workflow.statusBefore && workflow.statusBefore !== 'APPLYING' ? workflow.statusBefore : 'REJECTED';
  const next = refresh({ ...rest, status, lastDecision: decision } as HouseholdRecord, ctx.lines);
  const published = PUBLISHED(household.status) || PUBLISHED(status);
  return { household: next, events: published && status !== household.status ? ['changed'] : [], changes: ['status'] };
}

function runAdjustment(household: HouseholdRecord, step: Step, command: Command, ctx: ActionContext): ActionResult {
  const decision = { action: step.action, at: ctx.today, ...(command.reason ? { reason: command.reason } : {}) };
  const line = lineYuan(household, ctx);
  if (step.action === 'RE_REGISTER') {
    // 返贫: an exited household under monitoring whose income fell to the line again (workflows.md §1.4, §2.1 "Return path").
    assertStatusAllows(household, step.action);
    if (!entryIncomeMet(perCapitaOf(household.income, activeCount(household)), line)) {
      throw new DomainError('NOT_ELIGIBLE_INCOME', `人均纯收入高于 ${line} 元标准线，不能按返贫纳入`, 409);
    }
    const { monitorType: _m, monitoringSignalledAt: _s, policyUntil: _p, ...rest } = household;
    const next = refresh({ ...rest, status: 'RE_REGISTERED', registeredAt: ctx.today, lastDecision: decision } as HouseholdRecord, ctx.lines);
    return { household: next, events: ['returned'], changes: ['status'] };
  }
  // ELIMINATE_RISK
  assertStatusAllows(household, step.action);
  const active = household.members.filter((m) => m.status === 'active');
  const head = active.find((m) => m.relation === 'head');
  const flags = riskFlagsOf({
    houseDangerGrade: household.housing.dangerGrade,
    mainWorkerLost: head?.laborCapacity === 'none' && !active.some((m) => m.laborCapacity === 'full'),
    childDroppedOut: !household.welfare.education,
  });
  if (!riskEliminated(perCapitaOf(household.income, active.length), monitoringLine(line), household.welfare, flags)) {
    throw new DomainError('RISK_NOT_ELIMINATED', '未达到风险消除条件：人均收入须不低于监测线，六项保障齐全且无新风险', 409, { flags });
  }
  const { monitorType: _m, monitoringSignalledAt: _s, ...rest } = household;
  const next = refresh({ ...rest, status: 'RISK_ELIMINATED', lastDecision: decision } as HouseholdRecord, ctx.lines);
  return { household: next, events: ['changed'], changes: ['status', 'monitorType'] };
}

/**
 * A notice window closed (or a held objection was decided): clear → the stage's next state;
 * upheld → the fallback; held → wait. Returns undefined when the household is no longer waiting
 * on this request (already applied, or moved on).
 */
export function applyNoticeOutcome(
  household: HouseholdRecord,
  requestId: string,
  outcome: 'clear' | 'held' | 'upheld',
  ctx: Pick<ActionContext, 'lines' | 'today'>,
  source: 'window-closed' | 'objection-decided' = 'window-closed',
): ActionResult | undefined {
  const workflow = household.workflow;
  if (!workflow || workflow.notice?.requestId !== requestId) return undefined;
  // A decision counts only for a held entry: an objection rejected before the close must not end the window early.
  if (source === 'objection-decided' && !workflow.notice.held) return undefined;
  const stage = MACHINES[workflow.kind].notices.find((candidate) => candidate.state === workflow.state);
  if (!stage) return undefined;
  if (outcome === 'held') {
    if (workflow.notice.held) return undefined;
    return { household: { ...household, workflow: { ...workflow, notice: { ...workflow.notice, held: true } } }, events: [], changes: [] };
  }
  if (outcome === 'upheld') return fallback(household, { action: 'OBJECTION_UPHELD', at: ctx.today, reason: '公示期间异议成立' }, ctx);
  const { notice: _notice, ...rest } = workflow;
  return { household: { ...household, workflow: { ...rest, state: stage.clearTo, stepAt: ctx.today } }, events: [], changes: [] };
}

/**
 * The register status a step that starts a workflow (or adjusts a household) needs: PRE_EXIT a
 * registered household, SIGNAL one outside the register, 不再享受政策 one exited with policy,
 * 返贫 an exited household under monitoring, 风险消除 a monitored one (workflows.md §1.4, §2.1, §2.2).
 * The write refuses with this message; the offered actions leave the step out.
 */
const STATUS_RULES: Record<string, { allows: (household: HouseholdRecord) => boolean; message: string }> = {
  PRE_EXIT: { allows: (h) => h.status === 'REGISTERED' || h.status === 'RE_REGISTERED', message: '只有在册贫困户可列入预退出名单' },
  PROPOSE_NO_POLICY: { allows: (h) => h.status === 'EXITED_WITH_POLICY', message: '只有已脱贫享受政策的农户可转为脱贫不再享受政策' },
  SIGNAL: { allows: (h) => ['EXITED_WITH_POLICY', 'EXITED_NO_POLICY', 'RISK_ELIMINATED', 'REJECTED'].includes(h.status), message: '在册贫困户或已是监测对象的农户不能再纳入监测' },
  RE_REGISTER: { allows: (h) => h.status === 'MONITORED' && Boolean(h.exitedAt), message: '只有已脱贫后纳入监测的农户可以返贫重新纳入' },
  ELIMINATE_RISK: { allows: (h) => h.status === 'MONITORED', message: '只有监测对象可以风险消除' },
};

function assertStatusAllows(household: HouseholdRecord, action: string): void {
  const rule = STATUS_RULES[action];
  if (rule && !rule.allows(household)) throw new DomainError('STATUS_NOT_ELIGIBLE', rule.message, 409, { status: household.status });
}

/** The steps that can follow from where the household stands: its workflow's next steps, or the starts and adjustments. */
function candidateSteps(household: HouseholdRecord): { workflow: Kind | 'adjustment'; step: Step }[] {
  const running = household.workflow;
  if (running) return MACHINES[running.kind].steps.filter((s) => s.from === running.state).map((step) => ({ workflow: running.kind, step }));
  const starts = Object.entries(STARTS).flatMap(([action, kind]) =>
    MACHINES[kind].steps.filter((s) => s.from === null && s.action === action).map((step) => ({ workflow: kind, step })),
  );
  return [...starts, ...ADJUSTMENTS.map((step) => ({ workflow: 'adjustment' as const, step }))];
}

export interface OfferedStep {
  action: string;
  workflow: Kind | 'adjustment';
  to?: string;
  evidence: readonly identificationApi.EvidenceKind[];
  meeting: boolean;
  reasonRequired: boolean;
  notice?: { type: NoticeType; days: number };
  monitorTypeRequired: boolean;
  referenceIncomeRequired: boolean;
}

/**
 * What the role may do on the household now (GET /households/{id}/actions): the same steps, role
 * lists and status rules applyAction checks, so the console offers exactly what the write accepts
 * as to order and role. Guards that depend on the evidence, the meeting or the figures given
 * (quorum, income against the line, unreviewed hits) are still the write's to refuse.
 */
export function offeredActions(household: HouseholdRecord, role: Role): { items: OfferedStep[]; waiting?: string } {
  const workflow = household.workflow;
  if (workflow && MACHINES[workflow.kind].notices.some((stage) => stage.state === workflow.state)) {
    return { items: [], waiting: workflow.notice?.held ? '公示期间有异议待处理，处理后才能继续' : '正在公示，公示期结束且无异议后才能继续' };
  }
  const items = candidateSteps(household)
    .filter(({ step }) => step.roles.includes(role) && (STATUS_RULES[step.action]?.allows(household) ?? true))
    .map(({ workflow: kind, step }) => ({
      action: step.action,
      workflow: kind,
      ...(step.to ? { to: step.to } : {}),
      evidence: step.evidence,
      meeting: Boolean(step.meeting),
      reasonRequired: Boolean(step.reasonRequired),
      ...(step.notice ? { notice: step.notice } : {}),
      monitorTypeRequired: kind === 'monitoring' && step.action === 'SIGNAL',
      referenceIncomeRequired: kind === 'no-policy' && step.action === 'PROPOSE_NO_POLICY',
    }));
  return { items };
}
