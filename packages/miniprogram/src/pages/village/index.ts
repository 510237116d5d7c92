import { api, go, messageOf, noticesApi, regionName } from '../../lib/runtime';

const PHASE_ZH: Record<string, string> = { upcoming: '待公示', open: '公示中', ended: '已结束', permanent: '长期公开' };

/** The notices of one village (public: names masked). */
Component({
  data: { villageName: '', notices: [] as { noticeId: string; title: string; when: string; phase: string }[], loaded: false, error: '' },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const code = query.code ?? '';
      this.setData({ villageName: regionName(code) });
      try {
        const summary = await api.call(noticesApi.publicVillageSummary, { params: { code } });
        this.setData({
          notices: summary.notices.map((n) => ({
            noticeId: n.noticeId,
            title: n.title,
            when: n.windowStart && n.windowEnd ? `${n.typeName}：${n.windowStart} 至 ${n.windowEnd}` : `${n.typeName}：${n.postedOn} 发布`,
            phase: PHASE_ZH[n.phase] ?? '',
          })),
          loaded: true,
        });
      } catch (error) {
        this.setData({ error: messageOf(error), loaded: true });
      }
    },
    open(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      go(`/pages/notice/index?noticeId=${event.currentTarget.dataset.id}`);
    },
  },
});
