import { api, messageOf, subsidyApi, yuan } from '../../lib/runtime';

/** A household's own published payments, asked for by its head (rate-limited by the API). */
Component({
  data: {
    headName: '',
    idNumber: '',
    busy: false,
    searched: false,
    error: '',
    items: [] as { key: string; period: string; itemName: string; amount: string; statusName: string }[],
  },
  methods: {
    onName(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ headName: event.detail.value });
    },
    onId(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({
        idNumber: String(event.detail.value ?? '')
          .trim()
          .toUpperCase(),
      });
    },
    async lookup() {
      this.setData({ busy: true, error: '', items: [] });
      try {
        const result = await api.call(subsidyApi.publicPaymentsLookup, { body: { headName: this.data.headName.trim(), idNumber: this.data.idNumber } });
        this.setData({
          items: result.items.map((p, index) => ({ key: `${p.period}-${index}`, period: p.period, itemName: p.itemName, amount: yuan(p.amountFen), statusName: p.statusName })),
          searched: true,
        });
      } catch (error) {
        const issues = error && typeof error === 'object' && 'issues' in error ? (error as { issues: { message: string }[] }).issues : [];
        this.setData({ error: issues.length ? issues.map((i) => i.message).join('；') : messageOf(error), searched: true });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
