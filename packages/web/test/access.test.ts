import { identificationApi, ROLES, scoringApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { mayCall, mayOpen } from '../src/access.js';
import { CONSOLE_PAGES, homePath, menuFor } from '../src/console/app/pages.js';

const labels = (who: { role: string; department?: string }) => menuFor(who).flatMap((g) => g.pages.map((p) => p.label));

describe('console access derived from the contracts’ roles (docs/security.md)', () => {
  it('offers a bank no register, notices or subsidy page, and lands it on its credit work', () => {
    const bank = labels({ role: 'bank' });
    expect(bank).toEqual(expect.arrayContaining(['农户信用评级', '贷款台账']));
    for (const page of ['农户名册', '登记申请户', '公示公告', '月度发放', '支付标准']) expect(bank).not.toContain(page);
    expect(['/scoring/assessment', '/credit/rate']).toContain(homePath({ role: 'bank' }));
    expect(mayCall({ role: 'bank' }, identificationApi.getHousehold)).toBe(false);
    expect(mayCall({ role: 'bank' }, scoringApi.getRatingFacts)).toBe(true);
  });

  it('offers the regional line the register, and a department and the financial office no register', () => {
    for (const role of ['village', 'town', 'county', 'leading_group']) expect(labels({ role })).toContain('农户名册');
    for (const role of ['department', 'finance_office', 'pboc', 'bank']) expect(labels({ role, department: 'minzheng' })).not.toContain('农户名册');
    // A department uploads its own comparison list; the bank assessment admits the 财政 department only.
    expect(labels({ role: 'department', department: 'minzheng' })).toContain('比对名单上传');
    expect(labels({ role: 'department', department: 'minzheng' })).not.toContain('银行业金融机构考核');
    expect(labels({ role: 'department', department: 'caizheng' })).toContain('银行业金融机构考核');
  });

  it('offers 支付标准 to those who enter or review a standard, and the bank file to the county office only', () => {
    expect(labels({ role: 'county' })).toEqual(expect.arrayContaining(['支付标准', '发放结果']));
    expect(labels({ role: 'leading_group' })).toContain('支付标准');
    for (const role of ['village', 'town', 'bank', 'pboc']) expect(labels({ role })).not.toContain('支付标准');
  });

  it('keeps detail pages out of the menu, and follows every contract named by a page', () => {
    const inMenu = menuFor({ role: 'county' }).flatMap((g) => g.pages);
    expect(inMenu.every((p) => p.menu !== false)).toBe(true);
    for (const page of CONSOLE_PAGES) {
      for (const role of ROLES.filter((r) => r !== 'department')) expect(mayOpen({ role }, page)).toBe(page.reads.some((c) => !c.roles || c.roles.includes(role)));
    }
    expect(menuFor(undefined)).toEqual([]);
  });
});
