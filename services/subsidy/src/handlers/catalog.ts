import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, subsidyApi } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import { parseJurisdiction } from '../domain/jurisdiction.js';

/** GET /subsidy/catalog: the catalog version, its items and the benefits named without an amount. */
export const getCatalog = httpHandler(subsidyApi.getCatalog, async ({ query }) => {
  const catalog = currentCatalog();
  const jurisdiction = query.jurisdiction ? parseJurisdiction(query.jurisdiction) : undefined;
  const items = [...catalog.items.values()].filter(({ item }) => !jurisdiction || item.jurisdiction === jurisdiction);
  return {
    version: catalog.versionId,
    items: items.map(({ item, isPayment }) => ({
      id: item.id,
      nameZh: item.nameZh,
      jurisdiction: item.jurisdiction,
      category: item.category,
      kind: item.kind,
      period: item.period,
      unit: item.unit,
      amount: item.amount,
      formula: item.formula,
      isMinimum: item.isMinimum,
      isPayment,
      effective: item.effective,
      source: item.source,
    })),
    notQuantified: catalog.catalog.unquantified
      .filter((u) => !jurisdiction || u.jurisdiction === jurisdiction)
      .map((u) => ({
        id: u.id,
        nameZh: u.nameZh,
        jurisdiction: u.jurisdiction,
      })),
  };
});

/** GET /subsidy/catalog/items/{itemId} */
export const getCatalogItem = httpHandler(subsidyApi.getCatalogItem, async ({ params }) => {
  const catalog = currentCatalog();
  const compiled = catalog.items.get(params.itemId);
  if (!compiled) throw CommonErrors.notFound(`政策项目 ${params.itemId} `);
  return {
    version: catalog.versionId,
    item: compiled.item as unknown as Record<string, unknown>,
  };
});
