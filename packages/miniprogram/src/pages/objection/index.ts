import type { z } from 'zod';
import { api, messageOf, noticesApi } from '../../lib/runtime';

type Status = Partial<z.infer<typeof noticesApi.PublicObjectionStatus>>;

/** Lodge an objection to one line of a notice, and follow any objection by its number. */
Component({
  data: { noticeId: '', entryNo: 0, name: '', contact: '', reason: '', number: '', busy: false, lodged: false, receipt: '', error: '', status: {} as Status },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ noticeId: query.noticeId ?? '', entryNo: Number(query.entryNo ?? 0), number: query.number ?? '' });
    },
    onName(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: event.detail.value });
    },
    onContact(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ contact: event.detail.value });
    },
    onReason(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: event.detail.value, error: '' });
    },
    onNumber(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({
        number: String(event.detail.value ?? '')
          .trim()
          .toUpperCase(),
      });
    },
    async lodge() {
      if (!this.data.reason.trim()) {
        this.setData({ error: '请写明异议内容' });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        const receipt = await api.call(noticesApi.publicLodgeObjection, {
          params: { noticeId: this.data.noticeId },
          body: {
            entryNo: this.data.entryNo,
            reason: this.data.reason.trim(),
            ...(this.data.name.trim() ? { name: this.data.name.trim() } : {}),
            ...(this.data.contact.trim() ? { contact: this.data.contact.trim() } : {}),
          },
        });
        this.setData({ lodged: true, number: receipt.number, receipt: `已受理，受理编号 ${receipt.number}，请记下。${receipt.dueBy} 前答复，可凭编号在下方查询结果。` });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      } finally {
        this.setData({ busy: false });
      }
    },
    async lookup() {
      if (!this.data.number) {
        this.setData({ error: '请输入受理编号' });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        this.setData({ status: await api.call(noticesApi.publicObjectionStatus, { params: { number: this.data.number } }) });
      } catch (error) {
        this.setData({ error: messageOf(error), status: {} });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
