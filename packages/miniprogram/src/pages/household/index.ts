import { api, go, identificationApi, messageOf, STATUS_ZH, visitsApi, WORKFLOW_ZH, yuan, zh } from '../../lib/runtime';

const RELATION_ZH: Record<string, string> = { head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙辈', sibling: '兄弟姐妹', other: '其他' };

type Household = identificationApi.Household;

/** What a visitor needs to know at the door. */
function cardOf(household: Household) {
  const helper = household.helpers.find((h) => !h.to);
  return {
    headName: household.headName,
    status: zh(STATUS_ZH, household.status),
    attribute: household.attribute,
    group: household.group,
    size: household.size,
    income: `${yuan(household.incomePerCapitaFen)}/年`,
    phone: household.phone ?? '',
    helper: helper ? `${helper.name}（${helper.unit}）${helper.phone ? ` ${helper.phone}` : ''}` : '未落实',
    workflow: household.workflow ? `${zh(WORKFLOW_ZH, household.workflow.kind)}${household.workflow.dueDate ? `，${household.workflow.dueDate} 前完成` : ''}` : '',
    members: household.members.filter((m) => m.status === 'active').map((m) => ({ memberId: m.memberId, name: m.name, relation: RELATION_ZH[m.relation] ?? m.relation })),
    measures: household.measures.map((m) => ({ measureId: m.measureId, description: m.description, year: m.year })),
  };
}

/** The household card and its visits; the way to record a visit. */
Component({
  data: {
    householdId: '',
    card: {} as Partial<ReturnType<typeof cardOf>>,
    visits: [] as { visitId: string; date: string; visitor: string; found: string; extra: string }[],
    loaded: false,
    error: '',
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ householdId: query.householdId ?? '' });
      await this.load();
    },
    async onShow() {
      if (this.data.loaded) await this.load();
    },
    async load() {
      const householdId = this.data.householdId;
      try {
        const [household, visits] = await Promise.all([
          api.call(identificationApi.getHousehold, { params: { householdId } }),
          api.call(visitsApi.listHouseholdVisits, { params: { householdId }, query: { limit: 20 } }),
        ]);
        this.setData({
          card: cardOf(household),
          visits: visits.items.map((v) => ({
            visitId: v.visitId,
            date: v.date,
            visitor: v.visitor.name ?? '',
            found: v.found,
            extra: [v.photoIds.length ? `${v.photoIds.length} 张照片` : '', v.risk ? '报告返贫风险' : ''].filter(Boolean).join('，'),
          })),
          loaded: true,
          error: '',
        });
      } catch (error) {
        this.setData({ error: messageOf(error), loaded: true });
      }
    },
    recordVisit() {
      go(`/pages/visit/index?householdId=${this.data.householdId}&headName=${encodeURIComponent(this.data.card.headName ?? '')}`);
    },
  },
});
