import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './console-support.js';
import { shot, useBrowserSystem } from './support.js';
import { leaksIn, visibleLeaks } from './sweep.js';

describe('the staff console shell (React + Ant Design) in headless Chromium', { timeout: 120_000 }, () => {
  const system = useBrowserSystem();
  let cloud: LocalCloud;
  let page: Page;
  let errors: string[];
  beforeAll(() => {
    ({ cloud, page, errors } = system);
  });

  it('the sweep catches what a user must not see', () => {
    expect(leaksIn('户编号 01HM8ZKQ3V6Y7W9X0A1B2C3D4E')).toHaveLength(1);
    expect(leaksIn('冯庄村（370405103201）')).toHaveLength(1);
    expect(leaksIn('状态 PRE_EXIT').join()).toMatch(/UPPER_SNAKE/);
    expect(leaksIn('类别 tez-workshop-award').join()).toMatch(/kebab-case/);
    expect(leaksIn('结果 PENDING')).toHaveLength(1);
    expect(leaksIn('依据 seed 002 P-2')).toHaveLength(1);
    expect(leaksIn('[FORBIDDEN] 无权')).not.toHaveLength(0);
    expect(leaksIn('Something went wrong here')).toHaveLength(1);
    expect(leaksIn('导出 XLSX 或 CSV；冯庄村 5 户，合计 1,234.56 元')).toEqual([]);
    expect(leaksIn('异议编号 AB12CDE34F', { allow: ['AB12CDE34F'] })).toEqual([]);
  });

  it('a village cadre signs in in place, sees the menu of the role and the register with names, never codes', async () => {
    await signIn(page, cloud.url, '/households', '冯庄村两委');
    await page.getByRole('heading', { name: '农户名册' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('冯庄村');
    expect(await page.getByRole('navigation', { name: '主导航' }).textContent()).toContain('农户名册');
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'console-households-village');

    // Filters live in the address: going back returns to the same filtered list.
    await page.getByLabel('户主姓名').fill('不存在的名字');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有符合条件的农户').waitFor();
    expect(page.url()).toContain('name=');
    await page.goBack();
    await page.locator('.ant-table-row').first().waitFor();

    // The one-time code that binds the cadre's WeChat to this account (the mini-program's sign-in).
    await page.getByRole('navigation', { name: '主导航' }).getByText('绑定微信小程序').click();
    await page.getByRole('heading', { name: '绑定微信小程序' }).waitFor();
    await page.getByRole('button', { name: '生成绑定码' }).click();
    await page.getByLabel('绑定码').waitFor();
    expect(((await page.getByLabel('绑定码').textContent()) ?? '').trim()).toMatch(/^[0-9A-Z]{6,12}$/);
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'console-wechat-binding-code');
    expect(errors).toEqual([]);
  });

  it('a page the role may not open answers 无权访问 in Chinese', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/households', '农业银行台儿庄支行');
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
  });
});
