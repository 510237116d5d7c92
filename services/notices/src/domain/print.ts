import { shanghaiDate } from '@jingzhun/types';
import type { Notice, NoticeEntry } from './notice.js';
import { entryOutcome } from './notice.js';
import { FIELD_LABELS, ruleOf } from './notice-types.js';
import { escapeHtml } from './text.js';

/**
 * The printed notice for the village board (workflows.md §4.3 "Village board": full name, group,
 * household size, attribute, proposed action or amount) and the staff export. Staff only. Every
 * text is escaped; nothing personal beyond the board's columns is printed.
 */
function columns(notice: Notice, entries: readonly NoticeEntry[]): string[] {
  const allowed = ruleOf(notice.type).contentFields;
  return allowed.filter((key) => entries.some((entry) => entry.fields[key] !== undefined));
}

function dateZh(date: string | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function renderPrintable(notice: Notice, entries: readonly NoticeEntry[]): string {
  const rule = ruleOf(notice.type);
  const cols = columns(notice, entries);
  const nameHeading = rule.subject === 'person' ? '姓名（户主）' : '名称';
  const head = ['序号', nameHeading, '村民小组', '村', ...cols.map((key) => FIELD_LABELS[key] ?? key)].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = entries
    .filter((entry) => entryOutcome(entry) !== 'upheld')
    .map((entry) => {
      const cells = [entry.no, entry.fullName, entry.group ?? '', entry.regionName ?? entry.region, ...cols.map((key) => entry.fields[key] ?? '')];
      return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const period = notice.window
    ? `${rule.kind}期：${dateZh(notice.window.start)}至${dateZh(notice.window.end)}（${rule.days}天${notice.window.end !== notice.window.nominalEnd ? '，末日逢法定休假日顺延' : ''}）`
    : '长期公开';
  const objection = rule.objections
    ? `如对上述${rule.kind}内容有异议，请于${rule.kind}期内以书面、口头或匿名方式向${escapeHtml(rule.publisherZh)}反映。`
    : '如有疑问，请向发布单位或扶贫监督电话反映。';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(notice.title)}</title>
<style>
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "SimSun", "Songti SC", serif; color: #000; margin: 0 auto; max-width: 190mm; }
  h1 { text-align: center; font-size: 22pt; margin: 0 0 6mm; }
  .meta { text-align: center; font-size: 11pt; margin-bottom: 4mm; }
  table { width: 100%; border-collapse: collapse; font-size: 12pt; }
  th, td { border: 1px solid #000; padding: 2mm 1.5mm; text-align: center; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  .note { margin-top: 6mm; font-size: 11pt; line-height: 1.7; }
  .sign { margin-top: 10mm; text-align: right; font-size: 12pt; }
  @media screen { body { padding: 10mm; } }
  @media print { .noprint { display: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(notice.title)}</h1>
<div class="meta">${escapeHtml(rule.nameZh)}　${escapeHtml(period)}</div>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="note">${objection}<br>依据：${escapeHtml(rule.source)}</div>
<div class="sign">${escapeHtml(rule.publisherZh)}<br>${escapeHtml(dateZh(notice.window?.postedOn ?? (notice.publishedAt ? shanghaiDate(new Date(notice.publishedAt)) : undefined)))}</div>
<p class="noprint">本页含完整姓名，仅供村务公开栏张贴，不得上网。</p>
</body>
</html>
`;
}

export function exportRows(notice: Notice, entries: readonly NoticeEntry[]): (string | number | null)[][] {
  const rule = ruleOf(notice.type);
  const cols = columns(notice, entries);
  const outcomeZh = { clear: notice.status === 'closed' || notice.status === 'archived' ? '无异议' : '', held: '异议待处理', upheld: '异议成立' } as const;
  const header = ['序号', rule.subject === 'person' ? '姓名（户主）' : '名称', '村民小组', '村代码', '村', ...cols.map((key) => FIELD_LABELS[key] ?? key), '异议情况'];
  const rows = entries.map((entry) => [
    entry.no,
    entry.fullName,
    entry.group ?? '',
    entry.region,
    entry.regionName ?? '',
    ...cols.map((key) => {
      const value = entry.fields[key];
      return value === undefined ? null : typeof value === 'boolean' ? (value ? '是' : '否') : value;
    }),
    entry.objections.open > 0 ? '异议待处理' : outcomeZh[entryOutcome(entry)],
  ]);
  return [header, ...rows];
}
