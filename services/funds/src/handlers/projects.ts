import type { IdGenerator, UnitOfWork } from '@jingzhun/platform';
import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, fundsApi, fundsEvents, isWithinRegion, regionLevel, type StaffClaims } from '@jingzhun/types';
import { requestProjectDisclosure } from '../app/disclosure.js';
import { postEntry } from '../app/ledger.js';
import { mayReadNames } from '../app/names.js';
import type { AssetRecord, Fund, Payment, Pot, ProjectRecord } from '../app/records.js';
import { validateRule } from '../domain/assets.js';
import { assertWithinBudget, committedAccount, disbursedAccount, potAccount, projectTotals } from '../domain/ledger.js';
import {
  assertEditable,
  assertMayPropose,
  assertMilestone,
  assertPayable,
  assertReadyForAcceptance,
  COMMITTABLE_STATES,
  decideStep,
  PROJECT_STATE_NAMES,
  validateBeneficiaries,
} from '../domain/project.js';
import { householdsByIds } from '../store/households.js';
import { assetKeys, fundKeys, parsePotId, potKeys, projectKeys, withinPrefix } from '../store/keys.js';
import { putPublicProject } from '../store/public-projects.js';
import { read, readAll, readOrFail } from '../store/records.js';
import { unitOfWork } from '../store/unit-of-work.js';
import { requireCounty, savePot } from './funds.js';

type Accounts = ProjectRecord['accounts'];

/** The ledger balances of a project and one pot, as the domain's ledger reads them. */
function balancesOf(project: ProjectRecord, pot: Pot): Record<string, number> {
  const balances: Record<string, number> = { [potAccount(pot.potId)]: pot.availableFen };
  for (const [potId, account] of Object.entries(project.accounts)) {
    balances[committedAccount(project.projectId, potId)] = account.committedFen;
    balances[disbursedAccount(project.projectId, potId)] = account.disbursedFen;
  }
  return balances;
}

function accountsFrom(project: ProjectRecord, balances: Record<string, number>): Accounts {
  const accounts: Accounts = { ...project.accounts };
  for (const [account, balance] of Object.entries(balances)) {
    const committed = account.startsWith(`committed:${project.projectId}:`);
    const disbursed = account.startsWith(`disbursed:${project.projectId}:`);
    if (!committed && !disbursed) continue;
    const potId = account.slice(account.indexOf(':', account.indexOf(':') + 1) + 1);
    const current = accounts[potId] ?? { committedFen: 0, disbursedFen: 0 };
    accounts[potId] = committed ? { ...current, committedFen: balance } : { ...current, disbursedFen: balance };
  }
  return accounts;
}

function withTotals(project: ProjectRecord, accounts: Accounts): ProjectRecord {
  const balances: Record<string, number> = {};
  for (const [potId, account] of Object.entries(accounts)) {
    balances[committedAccount(project.projectId, potId)] = account.committedFen;
    balances[disbursedAccount(project.projectId, potId)] = account.disbursedFen;
  }
  return { ...project, accounts, ...projectTotals(balances, project.projectId) };
}

async function loadPot(potId: string, project: ProjectRecord): Promise<Pot> {
  const ref = parsePotId(potId);
  const pot = ref ? await read<Pot>(potKeys.item(ref.fundId, ref.region)) : undefined;
  if (!pot) throw new DomainError('POT_NOT_FOUND', '所选资金在该区划没有可用额度', 404, { potId });
  // Money allocated to a town or village is spent there (seed 004 SUB-85 L407 资金到县, then cut to towns and villages).
  if (!isWithinRegion(project.region, pot.region)) throw new DomainError('POT_OUTSIDE_REGION', '所选资金不是分配给项目所在区划的资金', 409, { potId, region: pot.region });
  return pot;
}

/** Commits (or releases) money of a pot to a project: budget check, ledger entry, both balances. */
async function moveCommitment(
  uow: UnitOfWork,
  ids: IdGenerator,
  project: ProjectRecord,
  potId: string,
  amountFen: number,
  release: boolean,
  by: string,
  note: string,
): Promise<ProjectRecord> {
  const pot = await loadPot(potId, project);
  if (!release) assertWithinBudget(project.budgetFen, { committedFen: project.committedFen, disbursedFen: project.disbursedFen }, amountFen);
  const on = uow.timestamp.slice(0, 10);
  const movement = release
    ? ({ kind: 'released', from: committedAccount(project.projectId, pot.potId), to: potAccount(pot.potId), amountFen } as const)
    : ({ kind: 'committed', from: potAccount(pot.potId), to: committedAccount(project.projectId, pot.potId), amountFen } as const);
  const balances = postEntry(uow, balancesOf(project, pot), movement, { entryId: ids.next(), fundId: pot.fundId, on, by, projectId: project.projectId, note });
  savePot(uow, {
    ...pot,
    availableFen: balances[potAccount(pot.potId)] ?? 0,
    committedFen: pot.committedFen + (release ? -amountFen : amountFen),
    lastCommittedOn: release ? pot.lastCommittedOn : on,
  });
  return withTotals(project, accountsFrom(project, balances));
}

function projectItem(project: ProjectRecord) {
  const county = requireCounty(project.region);
  return { ...projectKeys.item(project.projectId), ...projectKeys.index(county, project.region, project.projectId), entity: 'project', ...project };
}

function emitStep(uow: UnitOfWork, project: ProjectRecord, action: string): void {
  uow.emit(fundsEvents.projectStepped, projectKeys.subject(project.projectId), {
    projectId: project.projectId,
    region: project.region,
    action,
    state: project.state,
    budgetFen: project.budgetFen,
    at: uow.timestamp,
  });
}

async function fundTitles(project: ProjectRecord): Promise<string[]> {
  const fundIds = [...new Set(Object.keys(project.accounts).map((potId) => parsePotId(potId)?.fundId ?? ''))].filter(Boolean);
  const funds = await Promise.all(fundIds.map((fundId) => read<Fund>(fundKeys.item(fundId))));
  return funds.filter((f): f is Fund => f !== undefined).map((f) => f.title);
}

/**
 * The beneficiaries with the head's name for the regional line (village, town, county, leading
 * group: who keep the register); a department reads households by id only (least privilege).
 */
async function withHeadNames(project: ProjectRecord, claims?: StaffClaims): Promise<ProjectRecord> {
  if (claims && !mayReadNames(claims)) return project;
  const households = await householdsByIds(project.beneficiaries.map((b) => b.householdId));
  return {
    ...project,
    beneficiaries: project.beneficiaries.map((b) => ({ ...b, ...(households.has(b.householdId) ? { headName: households.get(b.householdId)?.headName } : {}) })),
  };
}

async function loadProject(projectId: string, assertInScope: (region: string) => void, expectedVersion?: number): Promise<ProjectRecord> {
  const project = await readOrFail<ProjectRecord>(projectKeys.item(projectId), '项目');
  assertInScope(project.region);
  if (expectedVersion !== undefined && project.version !== expectedVersion) throw CommonErrors.versionConflict();
  return project;
}

const who = (claims: StaffClaims) => ({ by: claims.name, role: claims.role });

/** 项目储备 (seed 002 S-8 L51; seed 004 SUB-91 L764): every project starts in the library. */
export const proposeProject = httpHandler(fundsApi.proposeProject, async ({ body, staff, assertInScope, clock, ids, actor }) => {
  const claims = staff();
  assertInScope(body.region);
  assertMayPropose(claims, body.region);
  requireCounty(body.region);
  if (regionLevel(body.region) === 'county' && claims.role !== 'department' && claims.role !== 'county')
    throw new DomainError('REGION_LEVEL_NOT_ALLOWED', '县级项目由区直部门或区县扶贫办申报', 400);
  if (body.plannedEnd < body.plannedStart) throw new DomainError('VALIDATION_FAILED', '计划完工日期不能早于计划开工日期', 400);
  const households = await householdsByIds(body.beneficiaries.map((b) => b.householdId));
  validateBeneficiaries(body.region, body.beneficiaries, households);
  const uow = unitOfWork({ clock, ids, actor });
  const { evidence, ...fields } = body;
  const project: ProjectRecord = {
    projectId: ids.next(),
    ...fields,
    proposer: { role: claims.role, name: claims.name, ...(claims.department ? { department: claims.department } : {}) },
    state: 'RESERVE',
    stateSince: uow.timestamp.slice(0, 10),
    milestones: [],
    steps: [{ action: 'propose', at: uow.timestamp, ...who(claims), evidence }],
    accounts: {},
    committedFen: 0,
    disbursedFen: 0,
    version: 1,
  };
  const { version: _v, ...fresh } = projectItem(project);
  uow.create(fresh);
  uow.audit({ subject: projectKeys.subject(project.projectId), action: 'project.proposed', after: project });
  emitStep(uow, project, 'propose');
  await uow.commit();
  return withHeadNames(project);
});

/** Only the reserve is edited (issue 16: editing an accepted project is refused; corrections are new entries). */
export const updateProject = httpHandler(fundsApi.updateProject, async ({ params, body, staff, assertInScope, clock, ids, actor }) => {
  const claims = staff();
  const project = await loadProject(params.projectId, assertInScope);
  assertEditable(project);
  if (project.version !== body.expectedVersion) throw CommonErrors.versionConflict();
  if (claims.role === 'department' && project.proposer.department !== claims.department) throw CommonErrors.forbidden('区直部门只能修改本部门申报的项目');
  const { expectedVersion: _e, reason, ...changes } = body;
  const next: ProjectRecord = { ...project, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  if (next.plannedEnd < next.plannedStart) throw new DomainError('VALIDATION_FAILED', '计划完工日期不能早于计划开工日期', 400);
  if (changes.beneficiaries) validateBeneficiaries(project.region, changes.beneficiaries, await householdsByIds(changes.beneficiaries.map((b) => b.householdId)));
  const uow = unitOfWork({ clock, ids, actor });
  next.steps = [...project.steps, { action: 'update', at: uow.timestamp, ...who(claims), evidence: [], note: reason }];
  const stored = uow.replace(projectItem(next));
  uow.audit({ subject: projectKeys.subject(project.projectId), action: 'project.updated', before: project, after: next, reason });
  await uow.commit();
  return withHeadNames({ ...next, version: stored.version });
});

export const listProjects = httpHandler(fundsApi.listProjects, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  const county = requireCounty(query.region);
  const items = await readAll<ProjectRecord>({ index: 'gsi1', partition: projectKeys.ofCounty(county), sortKeyPrefix: withinPrefix(query.region) });
  return { items: items.filter((p) => (query.state === undefined || p.state === query.state) && (query.year === undefined || p.year === query.year)) };
});

export const getProject = httpHandler(fundsApi.getProject, async ({ params, assertInScope, staff }) => {
  const project = await loadProject(params.projectId, assertInScope);
  const payments = await readAll<Payment>({ partition: projectKeys.partition(project.projectId), sortKeyPrefix: projectKeys.payments() });
  return { ...(await withHeadNames(project, staff())), payments };
});

/** One step of the lifecycle (domain/project.ts STEP_RULES): role, region, evidence, state, in one transaction. */
export const stepProject = httpHandler(fundsApi.stepProject, async ({ params, body, staff, assertInScope, clock, ids, actor }) => {
  const claims = staff();
  const project = await loadProject(params.projectId, assertInScope, body.expectedVersion);
  const rule = decideStep(project, body.action, claims, body.evidence);
  const uow = unitOfWork({ clock, ids, actor });
  const today = uow.timestamp.slice(0, 10);
  let next: ProjectRecord = { ...project };
  let asset: AssetRecord | undefined;
  switch (body.action) {
    case 'approve':
      next.meeting = body.meeting;
      if (new Set(body.commitments.map((c) => c.potId)).size !== body.commitments.length) throw new DomainError('VALIDATION_FAILED', '同一笔资金请合并为一条安排', 400);
      for (const c of body.commitments) next = await moveCommitment(uow, ids, next, c.potId, c.amountFen, false, claims.name, `立项安排：${project.name}`);
      break;
    case 'milestone':
      assertMilestone(project, body.milestone);
      next.milestones = [...project.milestones, { ...body.milestone, evidence: body.evidence }];
      break;
    case 'accept':
      assertReadyForAcceptance(project);
      break;
    case 'handover': {
      validateRule(body.asset.rule);
      asset = {
        assetId: ids.next(),
        projectId: project.projectId,
        name: body.asset.name,
        type: project.type,
        region: project.region,
        owner: body.asset.owner,
        operator: body.asset.operator ?? null,
        maintainer: body.asset.maintainer ?? null,
        supervisor: body.asset.supervisor ?? null,
        valueFen: body.asset.valueFen,
        registeredOn: today,
        rule: body.asset.rule,
        beneficiaries: project.beneficiaries.map(({ householdId, link, shares }) => ({ householdId, link, shares })),
        recordedFen: 0,
        distributedFen: 0,
        collectiveFen: {},
        version: 1,
      };
      next.assetId = asset.assetId;
      break;
    }
    default:
      break;
  }
  if (rule.to !== project.state) {
    next.state = rule.to;
    next.stateSince = today;
  }
  next.steps = [...project.steps, { action: body.action, at: uow.timestamp, ...who(claims), evidence: body.evidence, ...(body.note ? { note: body.note } : {}) }];
  const stored = uow.replace(projectItem(next));
  if (asset) {
    const { version: _v, ...fresh } = { ...assetKeys.item(asset.assetId), ...assetKeys.index(requireCounty(asset.region), asset.region, asset.assetId), entity: 'asset', ...asset };
    uow.create(fresh);
    uow.audit({ subject: assetKeys.subject(asset.assetId), action: 'asset.registered', after: asset });
  }
  uow.audit({
    subject: projectKeys.subject(project.projectId),
    action: `project.${body.action}`,
    before: { state: project.state },
    after: { state: next.state, step: next.steps.at(-1) },
  });
  emitStep(uow, next, body.action);
  if (body.action === 'approve' || body.action === 'accept') requestProjectDisclosure(uow, next, body.action, await fundTitles(next));
  await putPublicProject(uow, next);
  await uow.commit();
  return withHeadNames({ ...next, version: stored.version });
});

/** More money for an approved project, or a release (调减) back to the pot: a new entry either way. */
export const commitFunds = httpHandler(fundsApi.commitFunds, async ({ params, body, staff, assertInScope, clock, ids, actor }) => {
  const claims = staff();
  const project = await loadProject(params.projectId, assertInScope, body.expectedVersion);
  if (!COMMITTABLE_STATES.includes(project.state)) {
    throw new DomainError('PROJECT_NOT_COMMITTABLE', `项目处于「${PROJECT_STATE_NAMES[project.state]}」阶段，须立项后、验收前安排资金`, 409, { state: project.state });
  }
  const uow = unitOfWork({ clock, ids, actor });
  const next = await moveCommitment(uow, ids, project, body.potId, body.amountFen, body.release, claims.name, body.reason);
  const stored = uow.replace(projectItem(next));
  uow.audit({
    subject: projectKeys.subject(project.projectId),
    action: body.release ? 'project.released' : 'project.committed',
    before: project.accounts,
    after: next.accounts,
    reason: body.reason,
  });
  await putPublicProject(uow, next);
  await uow.commit();
  return withHeadNames({ ...next, version: stored.version });
});

/** 报账拨付: only while implementing or at settlement after acceptance, never above what is committed (and so the budget). */
export const payProject = httpHandler(fundsApi.payProject, async ({ params, body, staff, assertInScope, clock, ids, actor }) => {
  const claims = staff();
  const project = await loadProject(params.projectId, assertInScope, body.expectedVersion);
  assertPayable(project, claims);
  const pot = await loadPot(body.potId, project);
  const uow = unitOfWork({ clock, ids, actor });
  const paymentId = ids.next();
  const balances = postEntry(
    uow,
    balancesOf(project, pot),
    { kind: 'disbursed', from: committedAccount(project.projectId, pot.potId), to: disbursedAccount(project.projectId, pot.potId), amountFen: body.amountFen },
    { entryId: ids.next(), fundId: pot.fundId, on: body.paidOn, by: claims.name, projectId: project.projectId, note: `${project.name} 拨付 ${body.payee}` },
  );
  const next = withTotals(project, accountsFrom(project, balances));
  savePot(uow, { ...pot, disbursedFen: pot.disbursedFen + body.amountFen });
  const payment: Payment = {
    paymentId,
    projectId: project.projectId,
    potId: pot.potId,
    fundId: pot.fundId,
    amountFen: body.amountFen,
    payee: body.payee,
    paidOn: body.paidOn,
    ...(body.milestone ? { milestone: body.milestone } : {}),
    evidence: body.evidence,
    by: claims.name,
  };
  uow.create({ ...projectKeys.payment(project.projectId, body.paidOn, paymentId), entity: 'payment', ...payment });
  const stored = uow.replace(projectItem(next));
  uow.audit({ subject: projectKeys.subject(project.projectId), action: 'project.paid', after: payment });
  uow.emit(fundsEvents.paymentDisbursed, projectKeys.subject(project.projectId), {
    paymentId,
    projectId: project.projectId,
    fundId: pot.fundId,
    potId: pot.potId,
    region: project.region,
    amountFen: body.amountFen,
    paidOn: body.paidOn,
  });
  await putPublicProject(uow, next, payment);
  await uow.commit();
  return { project: await withHeadNames({ ...next, version: stored.version }), payment };
});
