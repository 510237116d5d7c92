import { defineService } from '@jingzhun/platform/manifest';
import { noticesApi } from '@jingzhun/types';
import { NAME_KEY_SECRET_ENV } from './config.js';
import { noticesTable } from './store/table.js';

export const manifest = defineService({
  name: 'notices',
  root: new URL('.', import.meta.url),
  table: noticesTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    // staff
    { contract: noticesApi.createNotice, handler: 'handlers/publication.ts#createNotice' },
    { contract: noticesApi.listNotices, handler: 'handlers/staff.ts#listNotices' },
    { contract: noticesApi.getNotice, handler: 'handlers/staff.ts#getNotice' },
    { contract: noticesApi.listEntries, handler: 'handlers/staff.ts#listEntries' },
    { contract: noticesApi.addEntries, handler: 'handlers/staff.ts#addEntries' },
    { contract: noticesApi.publishNotice, handler: 'handlers/publication.ts#publishNotice' },
    { contract: noticesApi.withdrawNotice, handler: 'handlers/staff.ts#withdrawNotice' },
    { contract: noticesApi.archiveNotice, handler: 'handlers/staff.ts#archiveNotice' },
    { contract: noticesApi.listObjections, handler: 'handlers/staff.ts#listObjections' },
    { contract: noticesApi.recordObjection, handler: 'handlers/staff.ts#recordObjection' },
    { contract: noticesApi.recordInvestigation, handler: 'handlers/staff.ts#recordInvestigation' },
    { contract: noticesApi.decideObjection, handler: 'handlers/staff.ts#decideObjection' },
    { contract: noticesApi.closeExpired, handler: 'handlers/staff.ts#closeExpired' },
    { contract: noticesApi.printNotice, handler: 'handlers/print.ts#printNotice' },
    { contract: noticesApi.exportNotice, handler: 'handlers/print.ts#exportNotice' },
    // public (anonymous, masked projection only, cacheable)
    { contract: noticesApi.publicListNotices, handler: 'handlers/public.ts#listOpenNotices' },
    { contract: noticesApi.publicGetNotice, handler: 'handlers/public.ts#getPublicNotice' },
    { contract: noticesApi.publicListEntries, handler: 'handlers/public.ts#listPublicEntries' },
    { contract: noticesApi.publicLodgeObjection, handler: 'handlers/public.ts#lodgePublicObjection' },
    { contract: noticesApi.publicVillageSummary, handler: 'handlers/public.ts#villageSummary' },
    { contract: noticesApi.publicSearchVillage, handler: 'handlers/search.ts#searchVillage', writes: 'hourly search counters per address and village' },
    { contract: noticesApi.publicDisclosures, handler: 'handlers/public.ts#listDisclosures' },
    { contract: noticesApi.publicObjectionStatus, handler: 'handlers/lookup.ts#objectionStatus', writes: 'hourly lookup counters per address' },
  ],
  jobs: [
    {
      name: 'close-expired-windows',
      schedule: 'cron(5 0 * * ? *)',
      handler: 'handlers/jobs.ts#closeExpiredWindows',
      description: '关闭已到期的公示期并通知请求方（workflows.md §6 Notice windows；可重复执行）',
    },
  ],
  secrets: [
    {
      name: 'name-key',
      env: NAME_KEY_SECRET_ENV,
      description: 'Jingzhun notices: key of the keyed name hashes behind the exact-name search of the public board',
      // The functions that write a public copy (its name index) or search it; no other reads it.
      readers: ['handlers/publication.ts#createNotice', 'handlers/publication.ts#publishNotice', 'handlers/events.ts#onNoticeRequested', 'handlers/search.ts#searchVillage'],
    },
  ],
  subscriptions: [
    { event: 'identification.notice.requested', handler: 'handlers/events.ts#onNoticeRequested' },
    { event: 'subsidy.notice.requested', handler: 'handlers/events.ts#onNoticeRequested' },
    { event: 'scoring.notice.requested', handler: 'handlers/events.ts#onNoticeRequested' },
  ],
});
