import { identificationApi, ROLES, scoringApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { homeFor, mayCall, mayOpen, pageOf, pagesFor, STAFF_PAGES } from '../src/access.js';

describe('console access derived from the contracts’ roles (docs/security.md)', () => {
  it('offers a bank no register, notices or subsidy page, and lands it on the bank assessment', () => {
    expect(pagesFor({ role: 'bank' }).map((page) => page.label)).toEqual(['银行考核', '月调度']);
    expect(homeFor({ role: 'bank' })).toBe('/staff/scoring');
    expect(mayCall({ role: 'bank' }, identificationApi.getHousehold)).toBe(false);
    expect(mayCall({ role: 'bank' }, scoringApi.getRatingFacts)).toBe(true);
  });

  it('offers the regional line the register, and a department and the financial office no register', () => {
    for (const role of ['village', 'town', 'county', 'leading_group']) expect(pagesFor({ role }).map((page) => page.path)).toContain('/staff/households');
    for (const role of ['department', 'finance_office', 'pboc', 'bank']) expect(pagesFor({ role }).map((page) => page.path)).not.toContain('/staff/households');
    expect(homeFor({ role: 'department', department: 'minzheng' })).toBe('/staff/notices');
    // The bank assessment admits the 财政 department only (the contract's `departments`).
    expect(pagesFor({ role: 'department', department: 'minzheng' }).map((page) => page.label)).not.toContain('银行考核');
    expect(pagesFor({ role: 'department', department: 'caizheng' }).map((page) => page.label)).toContain('银行考核');
  });

  it('offers 支付标准 to those who enter or review a standard, and 花名册发放 to the county office only', () => {
    const labels = (role: string) => pagesFor({ role }).map((page) => page.label);
    expect(labels('county')).toEqual(expect.arrayContaining(['支付标准', '花名册发放']));
    expect(labels('leading_group')).toContain('支付标准');
    expect(labels('leading_group')).not.toContain('花名册发放');
    for (const role of ['village', 'town', 'bank', 'pboc']) {
      expect(labels(role)).not.toContain('支付标准');
      expect(labels(role)).not.toContain('花名册发放');
    }
  });

  it('puts a detail page under its list, and follows every contract named by a page', () => {
    expect(pageOf('/staff/households/01ABC')?.label).toBe('农户');
    for (const page of STAFF_PAGES) {
      for (const role of ROLES.filter((r) => r !== 'department')) expect(mayOpen({ role }, page)).toBe(page.reads.some((c) => !c.roles || c.roles.includes(role)));
    }
    expect(pagesFor(undefined)).toEqual([]);
  });
});
