import { httpHandler } from '@jingzhun/platform';
import { DomainError, subsidyApi } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import type { JurisdictionId } from '../catalog/schema.js';
import { jurisdictionRegion, parseJurisdiction } from '../domain/jurisdiction.js';
import { parameterDefinitions, validateParameters } from '../domain/parameters.js';
import { parameterKeys } from '../store/keys.js';
import { currentParameters, type ParametersItem } from '../store/parameters.js';
import { unitOfWork } from '../store/unit-of-work.js';

function view(jurisdiction: JurisdictionId, item: ParametersItem | undefined) {
  return {
    jurisdiction,
    version: item?.version ?? 0,
    values: item?.values ?? {},
    definitions: [...parameterDefinitions(currentCatalog(), jurisdiction).values()],
    ...(item?.updatedAt ? { updatedAt: item.updatedAt } : {}),
  };
}

/** GET /subsidy/parameters/{jurisdiction} */
export const getParameters = httpHandler(subsidyApi.getParameters, async ({ params }) => {
  const jurisdiction = parseJurisdiction(params.jurisdiction);
  const { item } = await currentParameters(jurisdiction);
  return view(jurisdiction, item);
});

/** PUT /subsidy/parameters/{jurisdiction}: a new version, audited; every formula still computes. */
export const setParameters = httpHandler(subsidyApi.setParameters, async ({ params, body, assertInScope, clock, ids, actor }) => {
  const jurisdiction = parseJurisdiction(params.jurisdiction);
  assertInScope(jurisdictionRegion(jurisdiction));
  const { item } = await currentParameters(jurisdiction);
  const version = item?.version ?? 0;
  if (body.expectedVersion !== version) throw new DomainError('VERSION_CONFLICT', `参数已更新到第 ${version} 版，请刷新后重试`, 409, { version });
  const values = validateParameters(currentCatalog(), jurisdiction, item?.values ?? {}, body.values);
  const uow = unitOfWork({ clock, ids, actor });
  const next = {
    ...parameterKeys.current(jurisdiction),
    entity: 'parameters',
    jurisdiction,
    values,
    updatedBy: actor.sub,
  };
  let stored: ParametersItem;
  if (item)
    stored = uow.replace({
      ...(item as ParametersItem & Record<string, unknown>),
      values,
      updatedBy: actor.sub,
    });
  else stored = uow.create(next) as unknown as ParametersItem;
  // The history keeps every version: runs freeze the version they started with.
  uow.create({
    ...parameterKeys.version(jurisdiction, version + 1),
    entity: 'parameters-version',
    jurisdiction,
    values,
    reason: body.reason,
    by: actor.sub,
  });
  uow.audit({
    subject: `PARAMS#${jurisdiction}`,
    action: 'parameters.set',
    before: item?.values ?? {},
    after: values,
    reason: body.reason,
  });
  await uow.commit();
  return view(jurisdiction, { ...stored, updatedAt: uow.timestamp });
});
