import type { Page } from 'playwright-core';

/**
 * Chooses an option of an Ant Design Select or Cascader by its visible text, as a user does:
 * open it (by its label), type to narrow, click the option.
 */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(option).catch(() => undefined);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option, .ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: option }).first().click();
}

/** Signs in on the console's own sign-in (shown in place of the page asked for) as the demo account named. */
export async function signIn(page: Page, baseUrl: string, path: string, account: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/#${path}`);
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  await pick(page, '演示账号', account);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor({ state: 'detached' });
}
