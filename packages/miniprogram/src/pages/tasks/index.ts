import { api, currentSession, flushVisits, go, messageOf, STATUS_ZH, toast, unsentVisits, visitsApi, WORKFLOW_ZH, zh } from '../../lib/runtime';

type Task = visitsApi.VisitTask;

/** One line of the list: who, when the visit is due, and the monitoring step's limit or an open notice. */
function lineOf(task: Task) {
  const due = task.lastVisitOn ? `上次走访 ${task.lastVisitOn}，应于 ${task.visitDueOn} 前再访` : '尚未走访，请尽快入户';
  const workflow = task.workflow;
  let flag = task.visitOverdue ? '应走访' : '';
  if (workflow?.noticeOpen) flag = `${zh(WORKFLOW_ZH, workflow.kind)}公示中`;
  if (workflow?.kind === 'monitoring' && workflow.daysLeft !== undefined) flag = workflow.daysLeft >= 0 ? `监测剩 ${workflow.daysLeft} 天` : `监测超期 ${-workflow.daysLeft} 天`;
  return { householdId: task.householdId, headName: task.headName, statusName: zh(STATUS_ZH, task.status), due, flag };
}

/** The cadre's households with their due visits, the unsent visits and a button to send them. */
Component({
  data: {
    userName: '',
    mine: false,
    intervalDays: 30,
    tasks: [] as ReturnType<typeof lineOf>[],
    loaded: false,
    error: '',
    unsent: [] as { visitId: string; headName: string }[],
    unsentNames: '',
    refused: [] as { visitId: string; headName: string; refused: string }[],
  },
  methods: {
    async onLoad() {
      const session = currentSession();
      if (!session) {
        wx.redirectTo({ url: '/pages/sign-in/index' });
        return;
      }
      this.setData({ userName: session.user.name });
      await this.sendNow();
      await this.load();
    },
    async load() {
      const session = currentSession();
      if (!session) return;
      try {
        const page = await api.call(visitsApi.listVisitTasks, { query: { region: session.user.region, mine: this.data.mine ? 'true' : 'false', limit: 100 } });
        this.setData({ tasks: page.items.map(lineOf), intervalDays: page.intervalDays, loaded: true, error: '' });
      } catch (error) {
        this.setData({ error: messageOf(error), loaded: true });
      }
    },
    showUnsent() {
      const unsent = unsentVisits();
      this.setData({
        unsent: unsent.map((v) => ({ visitId: v.visitId, headName: v.headName })),
        unsentNames: unsent.map((v) => `${v.headName}（${v.body.date}）`).join('、'),
        refused: unsent.filter((v) => v.refused).map((v) => ({ visitId: v.visitId, headName: v.headName, refused: v.refused ?? '' })),
      });
    },
    async sendNow() {
      if (unsentVisits().length) {
        const result = await flushVisits();
        if (result.sent.length) toast(`已发送 ${result.sent.length} 条走访记录`);
        else if (result.waiting) toast('网络不可用，走访记录已保存在手机上，联网后自动发送');
      }
      this.showUnsent();
    },
    async onMine(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ mine: Boolean(event.detail.value) });
      await this.load();
    },
    open(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      go(`/pages/household/index?householdId=${event.currentTarget.dataset.id}`);
    },
  },
});
