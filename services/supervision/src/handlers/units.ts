import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, isWithinRegion, shanghaiDate, supervisionApi } from '@jingzhun/types';
import { taskStatus } from '../domain/units.js';
import { validateIncident } from '../domain/veto.js';
import { auditSubjects, districtKeys, incidentKeys, taskKeys, unitKeys } from '../store/keys.js';
import {
  getAssessmentItem,
  getTask,
  getUnit,
  type IncidentItem,
  listIncidentItems,
  listTaskItems,
  listUnitItems,
  plain,
  save,
  type TaskItem,
  type UnitItem,
} from '../store/repo.js';
import { assertDistrict, audited, ownUnit, unitOfWork } from './context.js';

const taskView = (task: TaskItem, today: string) => ({ ...plain(task), status: taskStatus(task, today) });

/** GET …/units?year: units with their tasks; a town or department sees its own unit only. */
export const listUnits = httpHandler(supervisionApi.listUnits, async ({ params, query, staff, assertInScope, clock }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope, claims);
  const today = shanghaiDate(clock.now());
  const [units, tasks] = await Promise.all([listUnitItems(params.district), listTaskItems(params.district)]);
  return {
    items: units.filter(ownUnit(claims)).map((unit) => ({
      ...plain(unit),
      tasks: tasks.filter((task) => task.unitId === unit.unitId && (query.year === undefined || task.year === query.year)).map((task) => taskView(task, today)),
    })),
  };
});

/** PUT …/units/{unitId}: registers or corrects a unit (a correction names the version it read). */
export const putUnit = httpHandler(supervisionApi.putUnit, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.units(params.district), 'unit.put', async () => {
    if (!isWithinRegion(body.region, params.district)) throw new DomainError('REGION_OUTSIDE_DISTRICT', '单位所在区划不在本区', 400);
    if (body.kind === 'town' && body.region.slice(6, 9) === '000') throw new DomainError('TOWN_REGION_REQUIRED', '镇（街）单位须使用镇级区划代码', 400);
    const existing = await getUnit(params.district, params.unitId);
    if (existing && body.expectedVersion !== existing.version) throw CommonErrors.versionConflict();
    const uow = unitOfWork(ctx);
    const { expectedVersion: _v, ...fields } = body;
    const item = {
      ...(existing ?? { ...unitKeys.item(params.district, params.unitId), entity: 'unit', version: 0 }),
      ...fields,
      unitId: params.unitId,
      district: params.district,
    } as UnitItem;
    const saved = save(uow, item);
    uow.put({ ...districtKeys.item(params.district), entity: 'district', district: params.district });
    uow.audit({
      subject: auditSubjects.units(params.district),
      action: existing ? 'unit.corrected' : 'unit.registered',
      before: existing ? plain(existing) : undefined,
      after: fields,
    });
    await uow.commit();
    return { ...plain(saved), tasks: [] };
  });
});

/** POST …/units/{unitId}/tasks: a yearly task with its due date (feeds the overdue list). */
export const addTask = httpHandler(supervisionApi.addTask, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.tasks(params.district, body.year), 'task.add', async () => {
    const unit = await getUnit(params.district, params.unitId);
    if (!unit) throw CommonErrors.notFound('责任单位');
    if (!body.dueOn.startsWith(String(body.year))) throw new DomainError('DUE_OUTSIDE_YEAR', '年度任务的完成期限须在该年度内', 400);
    const uow = unitOfWork(ctx);
    const taskId = ctx.ids.next();
    const item = uow.create({ ...taskKeys.item(params.district, taskId), entity: 'task', district: params.district, taskId, unitId: unit.unitId, ...body }) as TaskItem;
    uow.check(unitKeys.item(params.district, unit.unitId), { version: unit.version });
    uow.audit({ subject: auditSubjects.tasks(params.district, body.year), action: 'task.added', after: { taskId, unitId: unit.unitId, unitName: unit.name, ...body } });
    await uow.commit();
    return taskView(item, shanghaiDate(ctx.clock.now()));
  });
});

/** POST …/tasks/{taskId}/complete: recorded by the supervising office with its evidence. */
export const completeTask = httpHandler(supervisionApi.completeTask, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  const task = await getTask(params.district, params.taskId);
  if (!task) throw CommonErrors.notFound('年度任务');
  return audited(ctx, auditSubjects.tasks(params.district, task.year), 'task.complete', async () => {
    if (task.completedOn) throw new DomainError('TASK_COMPLETED', `该任务已于 ${task.completedOn} 登记完成`, 409);
    if (body.evidence.length === 0) throw new DomainError('EVIDENCE_REQUIRED', '登记完成须附佐证材料', 400);
    if (body.completedOn > shanghaiDate(ctx.clock.now())) throw new DomainError('DATE_IN_FUTURE', '完成日期不能晚于今天', 400);
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...task, completedOn: body.completedOn, evidence: body.evidence });
    uow.audit({
      subject: auditSubjects.tasks(params.district, task.year),
      action: 'task.completed',
      after: { taskId: task.taskId, completedOn: body.completedOn, evidence: body.evidence },
    });
    await uow.commit();
    return taskView(saved, shanghaiDate(ctx.clock.now()));
  });
});

/** POST …/incidents: a veto incident with its evidence; refused without it (issue 17 bad input). */
export const recordIncident = httpHandler(supervisionApi.recordIncident, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.incidents(params.district, body.year), 'incident.record', async () => {
    const unit = await getUnit(params.district, body.unitId);
    if (!unit) throw CommonErrors.notFound('责任单位');
    const incidentId = ctx.ids.next();
    validateIncident({ ...body, incidentId });
    const assessment = await getAssessmentItem(params.district, body.year);
    if (assessment && (assessment.status === 'approved' || assessment.status === 'published'))
      throw new DomainError('ASSESSMENT_APPROVED', '该年度考核结果已批准，不能再登记否决事项', 409);
    const uow = unitOfWork(ctx);
    const item = uow.create({
      ...incidentKeys.item(params.district, body.year, incidentId),
      entity: 'incident',
      district: params.district,
      incidentId,
      recordedAt: uow.timestamp,
      ...body,
    }) as IncidentItem;
    uow.audit({ subject: auditSubjects.incidents(params.district, body.year), action: 'incident.recorded', after: { incidentId, unitName: unit.name, ...body } });
    await uow.commit();
    const { pk: _p, sk: _s, entity: _e, version: _v, district: _d, ...view } = item;
    return view;
  });
});

/** GET …/years/{year}/incidents. */
export const listIncidents = httpHandler(supervisionApi.listIncidents, async ({ params, staff, assertInScope }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope, claims);
  const [units, incidents] = await Promise.all([listUnitItems(params.district), listIncidentItems(params.district, params.year)]);
  const mine = new Set(units.filter(ownUnit(claims)).map((unit) => unit.unitId));
  return { items: incidents.filter((incident) => mine.has(incident.unitId)).map(({ pk: _p, sk: _s, entity: _e, version: _v, district: _d, ...view }) => view) };
});
