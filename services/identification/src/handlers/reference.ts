import { getItem, httpHandler } from '@jingzhun/platform';
import { DomainError, identificationApi, regionLevel, shanghaiDate } from '@jingzhun/types';
import { isWindowOpen } from '../domain/policy.js';
import { resolveLine } from '../domain/poverty-lines.js';
import { table, unitOfWork } from '../store/households.js';
import { lineKeys, windowKey } from '../store/keys.js';
import { loadLineEntries, loadWindow, type WindowItem } from '../store/reference.js';

/** GET /poverty-lines/{level}/{year}: a known value, an entered one, or one derived by CPI. */
export const getPovertyLine = httpHandler(identificationApi.getPovertyLine, async ({ params, query }) => {
  const line = resolveLine(params.level, params.year, await loadLineEntries(), query.area);
  return { level: line.level, year: line.year, amountYuan: line.amountYuan, derived: line.derived, source: line.source };
});

/** PUT /poverty-lines/{level}/{year}: the county enters an official value or the year's rural CPI (seed values cannot be replaced). */
export const setRuralCpi = httpHandler(identificationApi.setRuralCpi, async ({ params, body, actor, clock, ids }) => {
  const existing = await getItem<{ version: number }>(table(), lineKeys.item(params.level, params.year));
  const entry = { level: params.level, year: params.year, source: body.source, ...(body.amountYuan !== undefined ? { amountYuan: body.amountYuan } : { cpi: body.cpi }) };
  const lines = (await loadLineEntries()).filter((l) => !(l.level === params.level && l.year === params.year));
  const before = (() => {
    try {
      return resolveLine(params.level, params.year, lines);
    } catch {
      return undefined;
    }
  })();
  if (before && !before.derived && !existing) throw new DomainError('LINE_IS_KNOWN', `${params.year}年标准线已由文件确定（${before.source}），不能修改`, 409);
  const resolved = resolveLine(params.level, params.year, [...lines, entry]);
  const uow = unitOfWork(clock, ids, actor);
  const item = { ...lineKeys.item(params.level, params.year), entity: 'poverty-line', ...entry };
  if (existing) uow.replace({ ...item, version: existing.version });
  else uow.create(item);
  uow.audit({ subject: `LINE#${params.level}#${params.year}`, action: 'SET_LINE', after: entry });
  await uow.commit();
  return { level: resolved.level, year: resolved.year, amountYuan: resolved.amountYuan, derived: resolved.derived, source: resolved.source };
});

function assertCounty(code: string): void {
  if (regionLevel(code) !== 'county') throw new DomainError('COUNTY_REQUIRED', '开放调整期按区县设置，请使用区县区划代码', 400);
}

/** PUT /nsys-window/{county}: the county records the NSYS adjustment window (000 EX-6 L1062–1068). */
export const setNsysWindow = httpHandler(identificationApi.setNsysWindow, async ({ params, body, actor, assertInScope, clock, ids }) => {
  assertCounty(params.county);
  assertInScope(params.county);
  const existing = await loadWindow(params.county);
  const uow = unitOfWork(clock, ids, actor);
  const item = { ...windowKey(params.county), entity: 'nsys-window', county: params.county, opens: body.opens, closes: body.closes };
  const stored = existing ? uow.replace({ ...item, version: existing.version }) : uow.create(item);
  uow.audit({ subject: `NSYS_WINDOW#${params.county}`, action: 'SET_WINDOW', before: existing ? { opens: existing.opens, closes: existing.closes } : undefined, after: body });
  await uow.commit();
  return { county: params.county, opens: body.opens, closes: body.closes, version: stored.version };
});

export const getNsysWindow = httpHandler(identificationApi.getNsysWindow, async ({ params, assertInScope, clock }) => {
  assertCounty(params.county);
  assertInScope(params.county);
  const window: WindowItem | undefined = await loadWindow(params.county);
  if (!window) throw new DomainError('NOT_FOUND', '尚未设置开放调整期', 404);
  return { county: window.county, opens: window.opens, closes: window.closes, version: window.version, openToday: isWindowOpen(window, shanghaiDate(clock.now())) };
});
