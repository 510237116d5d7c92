import { toCsv } from '@jingzhun/platform';
import { describe, expect, it } from 'vitest';
import { newNotice, prepareEntries, publish } from '../src/domain/notice.js';
import { exportRows, renderPrintable } from '../src/domain/print.js';
import { escapeHtml } from '../src/domain/text.js';

const VILLAGE = '370405103201';

function notice() {
  const base = newNotice({ noticeId: 'N1', type: 'exit-village-notice', region: VILLAGE, title: '冯庄村<拟退出>名单', createdBy: { sub: 'u', role: 'village' } });
  const entries = prepareEntries('N1', VILLAGE, [
    { entryId: 'a', fullName: '张三丰', group: '一组', region: VILLAGE, regionName: '冯庄村', fields: { householdSize: 3, idNumber: '370405198001011234' } },
    { entryId: 'b', fullName: '<img src=x onerror=alert(1)>', group: '=HYPERLINK("http://x")', region: VILLAGE, fields: { householdSize: 2 } },
  ]);
  return { notice: publish({ ...base, entryCount: entries.length }, new Date('2018-09-26T07:00:00+08:00')), entries };
}

describe('printable board copy and export (workflows.md §4.3 village board)', () => {
  it('prints full names for the board, escapes every text, and keeps ID numbers off the page', () => {
    const { notice: n, entries } = notice();
    const html = renderPrintable(n, entries);
    expect(html).toContain('<td>张三丰</td>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('冯庄村&lt;拟退出&gt;名单');
    expect(html).not.toContain('370405198001011234');
    expect(html).toContain('2018年9月27日至2018年10月8日'); // 7 days, moved past 国庆
    expect(html).toContain('末日逢法定休假日顺延');
    expect(html).toContain('@media print');
  });

  it('exports the board columns with full names and no personal fields; formulas are neutralised in CSV', () => {
    const { notice: n, entries } = notice();
    const rows = exportRows(n, entries);
    expect(rows[0]).toEqual(['序号', '姓名（户主）', '村民小组', '村代码', '村', '家庭人口', '异议情况']);
    expect(rows[1]).toEqual([1, '张三丰', '一组', VILLAGE, '冯庄村', 3, '']);
    const csv = toCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain('370405198001011234');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
