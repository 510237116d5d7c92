import { httpHandler, rawResponse, toCsv, writeXlsx } from '@jingzhun/platform';
import { noticesApi } from '@jingzhun/types';
import { requireNotice } from '../app/commands.js';
import { exportRows, renderPrintable } from '../domain/print.js';
import { loadEntries } from '../store/notices.js';
import { assertPublisher } from './views.js';

/** GET /notices/{id}/print: the printable board copy with full names. The notice's owner only, never cached. */
export const printNotice = httpHandler(noticesApi.printNotice, async ({ params, staff, assertInScope }) => {
  const { notice } = await requireNotice(params.noticeId);
  assertInScope(notice.region);
  assertPublisher(staff(), notice);
  const entries = await loadEntries(notice.noticeId);
  return rawResponse(200, renderPrintable(notice, entries), 'text/html; charset=utf-8', {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
});

/** GET /notices/{id}/export?format=csv|xlsx: the lines for the office (full names; the notice's owner only). */
export const exportNotice = httpHandler(noticesApi.exportNotice, async ({ params, query, staff, assertInScope }) => {
  const { notice } = await requireNotice(params.noticeId);
  assertInScope(notice.region);
  assertPublisher(staff(), notice);
  const entries = await loadEntries(notice.noticeId);
  const filename = `notice-${notice.noticeId}`;
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (query.format === 'xlsx') {
    return rawResponse(200, writeXlsx([{ name: '公示条目', rows: exportRows(notice, entries) }]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
      ...headers,
      'content-disposition': `attachment; filename="${filename}.xlsx"`,
    });
  }
  return rawResponse(200, toCsv(exportRows(notice, entries)), 'text/csv; charset=utf-8', { ...headers, 'content-disposition': `attachment; filename="${filename}.csv"` });
});
