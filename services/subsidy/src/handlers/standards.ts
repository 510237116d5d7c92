import { httpHandler } from '@jingzhun/platform';
import { periodOf, subsidyApi } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import type { JurisdictionId } from '../catalog/schema.js';
import { jurisdictionRegion, parseJurisdiction } from '../domain/jurisdiction.js';
import { catalogVersion, type StandardVersion, standardItems, standardShape, versionInForce, versionYear } from '../domain/standards.js';
import { asVersion, proposeVersion, reviewVersion, type StandardVersionItem, storedVersions } from '../store/standards.js';

function versionView(version: StandardVersion, stored?: StandardVersionItem) {
  return {
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    status: version.status,
    ...(version.amountFen !== undefined ? { amountFen: version.amountFen } : {}),
    ...(version.bandAmountsFen ? { bandAmountsFen: version.bandAmountsFen } : {}),
    ...(version.valuesFen ? { valuesFen: version.valuesFen } : {}),
    document: version.document,
    ...(stored?.reason ? { reason: stored.reason } : {}),
    ...(stored ? { enteredBy: stored.enteredBy, enteredAt: stored.enteredAt } : {}),
    ...(stored?.enteredByName ? { enteredByName: stored.enteredByName } : {}),
    ...(stored?.reviewedBy ? { reviewedBy: stored.reviewedBy } : {}),
    ...(stored?.reviewedByName ? { reviewedByName: stored.reviewedByName } : {}),
    ...(stored?.reviewedAt ? { reviewedAt: stored.reviewedAt } : {}),
    ...(stored?.rejectionReason ? { rejectionReason: stored.rejectionReason } : {}),
  };
}

/** Every standard of the jurisdiction (or one item) with its version in force for the period. */
async function standardViews(jurisdiction: JurisdictionId, period: string, only?: string) {
  const stored = await storedVersions(jurisdiction);
  return standardItems(currentCatalog(), jurisdiction)
    .filter(({ item }) => only === undefined || item.id === only)
    .map(({ item }) => {
      const own = stored.get(item.id) ?? [];
      const inForce = versionInForce(item, own.map(asVersion), period) ?? catalogVersion(item);
      const shape = standardShape(item);
      const year = versionYear(inForce);
      return {
        itemId: item.id,
        nameZh: item.nameZh,
        unit: item.unit,
        period: item.period,
        shape,
        editable: !(shape.kind === 'values' && shape.values.length === 0),
        source: item.source,
        inForce: versionView(
          inForce,
          own.find((v) => v.standardVersion === inForce.version),
        ),
        ...(year < Number(period.slice(0, 4)) ? { carriedForward: `沿用${year}年标准` } : {}),
        versions: [versionView(catalogVersion(item)), ...own.map((v) => versionView(asVersion(v), v))],
        pending: own.filter((v) => v.status === 'PENDING').map((v) => versionView(asVersion(v), v)),
      };
    });
}

/** GET /subsidy/standards/{jurisdiction}?period= (default: the current month, Asia/Shanghai). */
export const listStandards = httpHandler(subsidyApi.listStandards, async ({ params, query, clock }) => {
  const jurisdiction = parseJurisdiction(params.jurisdiction);
  const period = query.period ?? periodOf(clock.now());
  return { jurisdiction, period, standards: await standardViews(jurisdiction, period) };
});

async function oneView(jurisdiction: JurisdictionId, itemId: string, period: string) {
  const [view] = await standardViews(jurisdiction, period, itemId);
  return view as NonNullable<typeof view>;
}

/** POST /subsidy/standards/{jurisdiction}/{itemId}/versions: entered by the county office, PENDING. */
export const proposeStandard = httpHandler(subsidyApi.proposeStandard, async ({ params, body, assertInScope, clock, ids, actor }) => {
  const jurisdiction = parseJurisdiction(params.jurisdiction);
  assertInScope(jurisdictionRegion(jurisdiction));
  const { effectiveFrom, documentNumber, documentTitle, amountFen, bandAmountsFen, valuesFen, reason } = body;
  await proposeVersion(
    jurisdiction,
    params.itemId,
    {
      effectiveFrom,
      documentNumber,
      documentTitle,
      ...(amountFen !== undefined ? { amountFen } : {}),
      ...(bandAmountsFen ? { bandAmountsFen } : {}),
      ...(valuesFen ? { valuesFen } : {}),
      ...(reason ? { reason } : {}),
    },
    { clock, ids, actor },
  );
  return oneView(jurisdiction, params.itemId, periodOf(clock.now()));
});

/** POST …/versions/{version}/approve: a second person (not the one who entered it). */
export const approveStandard = httpHandler(subsidyApi.approveStandard, async ({ params, assertInScope, clock, ids, actor }) => {
  const jurisdiction = parseJurisdiction(params.jurisdiction);
  assertInScope(jurisdictionRegion(jurisdiction));
  await reviewVersion(jurisdiction, params.itemId, params.version, { approve: true }, { clock, ids, actor });
  return oneView(jurisdiction, params.itemId, periodOf(clock.now()));
});

/** POST …/versions/{version}/reject with a reason. */
export const rejectStandard = httpHandler(subsidyApi.rejectStandard, async ({ params, body, assertInScope, clock, ids, actor }) => {
  const jurisdiction = parseJurisdiction(params.jurisdiction);
  assertInScope(jurisdictionRegion(jurisdiction));
  await reviewVersion(jurisdiction, params.itemId, params.version, { approve: false, reason: body.reason }, { clock, ids, actor });
  return oneView(jurisdiction, params.itemId, periodOf(clock.now()));
});
