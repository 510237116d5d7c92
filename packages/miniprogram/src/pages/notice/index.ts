import { api, go, messageOf, noticesApi } from '../../lib/runtime';

/** A notice in force with its masked list; an objection per line; shared to a chat as a card. */
Component({
  data: { noticeId: '', title: '', when: '', objectable: false, entries: [] as { no: number; name: string; fields: string }[], error: '' },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const noticeId = query.noticeId ?? '';
      this.setData({ noticeId });
      try {
        const page = await api.call(noticesApi.publicListEntries, { params: { noticeId }, query: { limit: 100 } });
        const notice = page.notice;
        this.setData({
          title: notice.title,
          when:
            notice.windowStart && notice.windowEnd
              ? `公示期 ${notice.windowStart} 至 ${notice.windowEnd}（${notice.publisher}）`
              : `${notice.postedOn} 发布（${notice.publisher}）`,
          objectable: notice.objectionsAccepted && notice.phase !== 'ended',
          entries: page.items.map((e) => ({
            no: e.no,
            name: e.name,
            fields: Object.entries(e.fields)
              .map(([key, value]) => `${page.fieldLabels[key] ?? key}：${String(value)}`)
              .join('，'),
          })),
        });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },
    object(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { no: number }>) {
      if (!this.data.objectable) return;
      go(`/pages/objection/index?noticeId=${this.data.noticeId}&entryNo=${event.currentTarget.dataset.no}`);
    },
    onShareAppMessage() {
      return { title: this.data.title || '村务公示', path: `/pages/notice/index?noticeId=${this.data.noticeId}` };
    },
  },
});
