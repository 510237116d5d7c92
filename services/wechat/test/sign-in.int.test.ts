import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud, startWechatStandIn, type WechatStandIn } from '../../../packages/local-cloud/src/index.js';
import { manifest as identification } from '../../identification/src/manifest.js';
import { newBindingCode } from '../src/domain/binding.js';
import { manifest } from '../src/manifest.js';

describe('WeChat sign-in: wx.login code → openid (jscode2session stand-in) → one-time binding → staff session', () => {
  let cloud: LocalCloud;
  let wechat: WechatStandIn;
  beforeAll(async () => {
    wechat = await startWechatStandIn();
    wechat.configure();
    cloud = await startTestCloud(inject('dynamoEndpoint'), [identification, manifest], { demo: false });
  }, 120_000);
  afterAll(async () => {
    await cloud.stop();
    await wechat.stop();
  });

  it('binds a phone once with a code made in the console; the session reaches the staff API as that account', async () => {
    const village = await cloud.login('village-fengzhuang');
    const made = await call(cloud, 'POST', '/wechat/binding-codes', { token: village, body: { app: 'miniprogram' } });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const unbound = await call(cloud, 'POST', '/public/wechat/sign-in', { body: { jsCode: wechat.issueCode('openid-cadre-1') } });
    expect([unbound.status, unbound.body.code]).toEqual([404, 'NOT_BOUND']);
    const bound = await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-cadre-1'), bindingCode: made.body.code.toLowerCase() } });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    expect(bound.body.user).toMatchObject({ sub: 'village-fengzhuang', role: 'village', region: '370405103201' });
    expect(wechat.requests.at(-1)?.get('grant_type')).toBe('authorization_code');
    const region = await call(cloud, 'GET', '/regions/370405103201', { token: bound.body.token });
    expect(region.status).not.toBe(401);
    // The code is used up.
    const reuse = await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-other'), bindingCode: made.body.code } });
    expect(reuse.body.code).toBe('BINDING_CODE_INVALID');
    // Later sign-ins need only wx.login.
    const signIn = await call(cloud, 'POST', '/public/wechat/sign-in', { body: { jsCode: wechat.issueCode('openid-cadre-1') } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.sub).toBe('village-fengzhuang');
  });

  it('refuses: a used or unknown wx.login code, a made-up binding code, an openid bound already, a binding code without sign-in', async () => {
    const used = wechat.issueCode('openid-x');
    await call(cloud, 'POST', '/public/wechat/sign-in', { body: { jsCode: used } });
    expect((await call(cloud, 'POST', '/public/wechat/sign-in', { body: { jsCode: used } })).body.code).toBe('WECHAT_CODE_INVALID');
    expect((await call(cloud, 'POST', '/public/wechat/sign-in', { body: { jsCode: 'never-issued-code' } })).body.code).toBe('WECHAT_CODE_INVALID');
    expect((await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-y'), bindingCode: newBindingCode() } })).body.code).toBe(
      'BINDING_CODE_INVALID',
    );
    expect((await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-y'), bindingCode: '12345678' } })).body.code).toBe('VALIDATION_FAILED');
    expect((await call(cloud, 'POST', '/wechat/binding-codes')).status).toBe(401);
    expect((await call(cloud, 'POST', '/wechat/binding-codes', { token: await cloud.login('bank-abc'), body: { app: 'miniprogram' } })).status).toBe(403);
    const town = await cloud.login('town-jiantouji');
    const first = (await call(cloud, 'POST', '/wechat/binding-codes', { token: town, body: { app: 'miniprogram' } })).body.code;
    expect((await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-town'), bindingCode: first } })).status).toBe(200);
    const second = (await call(cloud, 'POST', '/wechat/binding-codes', { token: await cloud.login('county'), body: { app: 'miniprogram' } })).body.code;
    const again = await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-town'), bindingCode: second } });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_BOUND']);
  });

  it('two phones with one binding code at once: one is bound', async () => {
    const code = (await call(cloud, 'POST', '/wechat/binding-codes', { token: await cloud.login('town-nigou'), body: { app: 'miniprogram' } })).body.code;
    const results = await Promise.all(
      ['openid-race-1', 'openid-race-2'].map((openid) => call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode(openid), bindingCode: code } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('a new phone for the same account releases the old one', async () => {
    const token = await cloud.login('town-zhangshanzi');
    const one = (await call(cloud, 'POST', '/wechat/binding-codes', { token, body: { app: 'miniprogram' } })).body.code;
    await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-old-phone'), bindingCode: one } });
    const two = (await call(cloud, 'POST', '/wechat/binding-codes', { token, body: { app: 'miniprogram' } })).body.code;
    expect((await call(cloud, 'POST', '/public/wechat/bind', { body: { jsCode: wechat.issueCode('openid-new-phone'), bindingCode: two } })).status).toBe(200);
    expect((await call(cloud, 'POST', '/public/wechat/sign-in', { body: { jsCode: wechat.issueCode('openid-old-phone') } })).body.code).toBe('NOT_BOUND');
  });
});
