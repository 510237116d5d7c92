import { httpHandler, tableName, UnitOfWork } from '@jingzhun/platform';
import { CommonErrors, dispatchApi } from '@jingzhun/types';
import { assertSourced } from '../domain/target-catalogue.js';
import { assertPossible, Target } from '../domain/targets.js';
import { targetKeys } from '../store/keys.js';
import { dispatchTable } from '../store/table.js';
import { targetHistory as loadHistory, saveTarget, targetOf, targetsOf } from '../store/targets.js';

export const listTargets = httpHandler(dispatchApi.listTargets, async ({ query, assertInScope }) => {
  assertInScope(query.jurisdiction);
  return { items: await targetsOf(query.jurisdiction) };
});

/** PUT a target: validated (impossible values → 422), conditional on the version read, audited with history. */
export const putTarget = httpHandler(dispatchApi.putTarget, async ({ params, body, assertInScope, actor, clock, ids }) => {
  assertInScope(params.jurisdiction);
  const { expectedVersion, reason, ...fields } = body;
  const target = Target.parse({ ...fields, jurisdiction: params.jurisdiction, code: params.code });
  assertSourced(target);
  assertPossible(target);
  const before = await targetOf(params.jurisdiction, params.code);
  if ((before?.version ?? 0) !== expectedVersion) throw CommonErrors.versionConflict();
  const uow = new UnitOfWork({ table: tableName(dispatchTable), service: 'dispatch', clock, ids, actor });
  const version = saveTarget(uow, before, target, actor.sub, reason);
  uow.audit({ subject: targetKeys.subject(target.jurisdiction, target.code), action: before ? 'target.updated' : 'target.created', before: before?.target, after: target, reason });
  await uow.commit();
  return { target, version, updatedAt: uow.timestamp, updatedBy: actor.sub };
});

export const targetHistory = httpHandler(dispatchApi.targetHistory, async ({ params, assertInScope }) => {
  assertInScope(params.jurisdiction);
  return { items: await loadHistory(params.jurisdiction, params.code) };
});
