import { bindWechat, config, demoUsers, devSignIn, isApiError, messageOf, signInWithWechat } from '../../lib/runtime';

/**
 * Sign-in for cadres: wx.login; the first time with the binding code made in the web console.
 * The demo sign-in of `npm start` is offered only in development builds.
 */
Component({
  data: { bindingCode: '', busy: false, error: '', devSignIn: config.devSignIn, demoUsers: [] as { username: string; name: string }[] },
  methods: {
    async onLoad() {
      if (!config.devSignIn) return;
      try {
        this.setData({ demoUsers: await demoUsers() });
      } catch {
        // Not npm start: no demo accounts to offer.
      }
    },
    onCode(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ bindingCode: String(event.detail.value ?? '').toUpperCase(), error: '' });
    },
    async bind() {
      if (!/^[2-9A-HJKMNP-Z]{8}$/.test(this.data.bindingCode)) {
        this.setData({ error: '请输入电脑端显示的 8 位绑定码' });
        return;
      }
      await this.run(() => bindWechat(this.data.bindingCode));
    },
    async signIn() {
      await this.run(signInWithWechat);
    },
    async devSignIn(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { username: string }>) {
      const { username } = event.currentTarget.dataset;
      await this.run(() => devSignIn(username));
    },
    async run(action: () => Promise<unknown>) {
      this.setData({ busy: true, error: '' });
      try {
        await action();
        wx.redirectTo({ url: '/pages/tasks/index' });
      } catch (error) {
        const notBound = isApiError(error) && error.code === 'NOT_BOUND';
        this.setData({ error: notBound ? '本微信尚未绑定账号：请输入电脑端生成的绑定码，再点“绑定并登录”' : messageOf(error) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
