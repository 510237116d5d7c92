import { getItem, httpHandler, type UnitOfWork, type Versioned } from '@jingzhun/platform';
import { CommonErrors, identificationApi, identificationEvents, type noticeEvents, shanghaiDate } from '@jingzhun/types';
import { NOTICE_TITLES } from '../domain/notices.js';
import { applyVillageExitAction, applyVillageNoticeOutcome, countPoorPersons, noticeRegionsOf, openVillageExit, type VillageExitRecord } from '../domain/village-exit.js';
import { allHouseholdsOfVillage, assertVersion, table, unitOfWork } from '../store/households.js';
import { villageExitKey } from '../store/keys.js';
import { type NoticeRequestItem, recordNoticeRequest } from '../store/notice-requests.js';
import { loadWindow } from '../store/reference.js';
import { collectiveIncomeOf } from './collective.js';

type VillageExitItem = VillageExitRecord & Versioned;

function view(item: VillageExitItem): identificationApi.VillageExitView {
  return {
    village: item.village,
    year: item.year,
    state: item.state,
    ruralPopulation: item.ruralPopulation,
    poorPersons: item.poorPersons,
    incidencePercent: item.incidencePercent,
    checklist: item.checklist,
    version: item.version,
    ...(item.exception ? { exception: item.exception } : {}),
    ...(item.notice ? { noticeRequestId: item.notice.requestIds[0], noticeRequestIds: item.notice.requestIds } : {}),
  };
}

async function load(village: string, year: number): Promise<VillageExitItem> {
  const item = await getItem<VillageExitItem>(table(), villageExitKey(village, year));
  if (!item) throw CommonErrors.notFound('贫困村退出申请');
  return item;
}

const subject = (village: string, year: number) => `VILLAGE_EXIT#${village}#${year}`;

/** POST /villages/{code}/exit: the town's 初审评估 with the incidence computed from the register. */
export const applyVillageExit = httpHandler(identificationApi.applyVillageExit, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  assertInScope(params.code);
  const today = shanghaiDate(clock.now());
  const [households, collectiveIncomeFen] = await Promise.all([allHouseholdsOfVillage(params.code), collectiveIncomeOf(params.code, body.year)]);
  const poorPersons = countPoorPersons(households);
  // The collective income checked is the year's total in the collective economy ledger (seed 004 L75
  // 村级集体经济台账; the floors of 002 T-11 L101 and 003 EX-3 L99), never a figure typed into the form.
  const record = openVillageExit(
    {
      village: params.code,
      year: body.year,
      ruralPopulation: body.ruralPopulation,
      poorPersons,
      checklist: { infrastructure: body.checklist.infrastructure, publicServices: body.checklist.publicServices, industry: body.checklist.industry, collectiveIncomeFen },
      ...(body.exception ? { exception: body.exception } : {}),
    },
    staff().role,
    body.evidence,
    today,
  );
  const uow = unitOfWork(clock, ids, actor);
  const stored = uow.create(
    { ...villageExitKey(params.code, body.year), entity: 'village-exit', ...record },
    CommonErrors.alreadyExists('本年度该村退出申请'),
  ) as unknown as VillageExitItem;
  uow.audit({ subject: subject(params.code, body.year), action: 'PRELIM_REVIEW', after: record });
  await uow.commit();
  return view(stored);
});

export const getVillageExit = httpHandler(identificationApi.getVillageExit, async ({ params, assertInScope }) => {
  assertInScope(params.code);
  return view(await load(params.code, params.year));
});

export const villageExitAction = httpHandler(identificationApi.villageExitAction, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  assertInScope(params.code);
  const item = await load(params.code, params.year);
  assertVersion(item, body.version);
  const today = shanghaiDate(clock.now());
  const [households, window] = await Promise.all([allHouseholdsOfVillage(params.code), loadWindow(params.code)]);
  const result = applyVillageExitAction(item, body, { role: staff().role, today, window, poorPersons: countPoorPersons(households) });
  const uow = unitOfWork(clock, ids, actor);
  let record = result.record;
  if (result.notice) {
    const notice = result.notice;
    const requests: noticeEvents.NoticeRequest[] = noticeRegionsOf(params.code, notice.type).map((region) => ({
      requestId: ids.next(),
      type: notice.type,
      region,
      title: NOTICE_TITLES[notice.type] ?? '公示',
      publish: true,
      entries: [{ entryId: params.code, fullName: params.code, region: params.code, fields: { year: params.year, incidencePercent: record.incidencePercent } }],
      context: { workflow: 'village-exit', state: record.state, village: params.code, year: String(params.year) },
    }));
    record = { ...record, notice: { requestIds: requests.map((r) => r.requestId), cleared: [], type: notice.type, held: false } };
    for (const request of requests) recordNoticeRequest(uow, request, 'village-exit');
  }
  const { notice: _previous, ...unposted } = item;
  const stored = uow.replace({ ...unposted, ...record } as VillageExitItem);
  uow.audit({
    subject: subject(params.code, params.year),
    action: body.action,
    before: { state: item.state },
    after: { state: record.state },
    ...(body.reason ? { reason: body.reason } : {}),
  });
  if (result.exited) {
    uow.emit(identificationEvents.villageExited, `village/${params.code}`, {
      village: params.code,
      year: params.year,
      deregisteredAt: record.deregisteredAt as string,
      policyUntil: record.policyUntil as string,
      incidencePercent: record.incidencePercent,
    });
  }
  await uow.commit();
  return view(stored);
});

/** Applies a notice outcome to a village exit (called by the notices subscriber in its transaction). */
export async function applyVillageExitOutcome(
  uow: UnitOfWork,
  request: NoticeRequestItem,
  outcome: 'clear' | 'held' | 'upheld',
  source: 'window-closed' | 'objection-decided',
  today: string,
): Promise<void> {
  const village = request.entryIds[0];
  if (!village) return;
  const year = Number(request.context?.year);
  const item = await getItem<VillageExitItem>(table(), villageExitKey(village, year));
  if (!item?.notice?.requestIds.includes(request.requestId)) return;
  const next = applyVillageNoticeOutcome(item, request.requestId, outcome, source, today);
  if (!next) return;
  const replaced = { ...next, ...villageExitKey(item.village, item.year), entity: 'village-exit', version: item.version } as Record<string, unknown>;
  uow.replace(replaced as unknown as Versioned);
  uow.audit({ subject: subject(item.village, item.year), action: `NOTICE_${outcome.toUpperCase()}`, before: { state: item.state }, after: { state: next.state } });
}
