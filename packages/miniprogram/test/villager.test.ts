import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalCloud, startTestCloud } from '../../local-cloud/src/index.js';
import { cellTitled, type FakeWx, fire, installWx, openPage, textOf, until } from './support.js';

describe('villager pages (no sign-in) over a running local cloud', () => {
  let cloud: LocalCloud;
  let wx: FakeWx;
  beforeAll(async () => {
    wx = installWx();
    cloud = await startTestCloud(inject('dynamoEndpoint'), [], {});
    wx.storage.set('jingzhun.api-base', cloud.url);
  }, 120_000);
  afterAll(() => cloud?.stop());

  it('home: the villager entries and the cadres’ entry', async () => {
    const page = await openPage('index');
    expect(textOf(page)).toContain('查看本村公示');
    await fire(page.querySelector('#to-regions'), 'click');
    await fire(page.querySelector('#to-tasks'), 'click');
    expect(wx.navigations.slice(-2)).toEqual(['/pages/regions/index', '/pages/sign-in/index']);
  });

  it('county → town → village', async () => {
    const page = await openPage('regions');
    expect(textOf(page)).toContain('台儿庄区');
    await fire(page.querySelectorAll('.region')[0], 'click');
    await until(() => textOf(page).includes('涧头集镇'));
    expect(textOf(page)).toContain('选择镇（街道）');
    await fire(cellTitled(page, '.region', '涧头集镇'), 'click');
    await until(() => textOf(page).includes('选择村'));
    await fire(cellTitled(page, '.region', '冯庄村'), 'click');
    expect(wx.navigations.at(-1)).toBe('/pages/village/index?code=370405103201');
  });
});
