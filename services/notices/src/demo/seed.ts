import { systemClock, ulidGenerator } from '@jingzhun/platform';
import { createNotice } from '../app/commands.js';

/**
 * Demo content for `npm start`: a fund-allocation disclosure and a project disclosure for 台儿庄区,
 * so the public board shows something before identification sends requests. Every amount is
 * fictional and marked 演示. Idempotent: each is a request with a fixed id.
 */
export async function seedDemo(): Promise<{ notices: string[] }> {
  const ports = { clock: systemClock, ids: ulidGenerator, actor: { sub: 'demo', role: 'county', name: 'demo seed (notices)' } };
  const fund = await createNotice(ports, {
    requester: 'demo',
    requestId: 'demo-fund-2018',
    type: 'fund-disclosure',
    region: '370405000000',
    title: '台儿庄区2018年度财政专项扶贫资金分配结果公开（演示）',
    publish: true,
    context: {},
    entries: [
      {
        entryId: 'fund-jiantouji',
        fullName: '涧头集镇',
        region: '370405103000',
        fields: {
          policy: '财政专项扶贫资金（演示）',
          fundSource: '中央、省、市、区财政（演示）',
          allocationYuan: 1_200_000,
          purpose: '产业扶贫项目（演示）',
          note: '演示用，金额虚构',
        },
      },
      {
        entryId: 'fund-nigou',
        fullName: '泥沟镇',
        region: '370405102000',
        fields: {
          policy: '财政专项扶贫资金（演示）',
          fundSource: '中央、省、市、区财政（演示）',
          allocationYuan: 950_000,
          purpose: '村级道路与饮水（演示）',
          note: '演示用，金额虚构',
        },
      },
      {
        entryId: 'fund-zhangshanzi',
        fullName: '张山子镇',
        region: '370405101000',
        fields: { policy: '财政专项扶贫资金（演示）', fundSource: '中央、省、市、区财政（演示）', allocationYuan: 800_000, purpose: '光伏扶贫（演示）', note: '演示用，金额虚构' },
      },
    ],
  });
  const project = await createNotice(ports, {
    requester: 'demo',
    requestId: 'demo-project-2018-fengzhuang',
    type: 'project-disclosure',
    region: '370405103000',
    title: '涧头集镇2018年扶贫项目和资金使用情况公开（演示）',
    publish: true,
    context: {},
    entries: [
      {
        entryId: 'project-fengzhuang-pv',
        fullName: '冯庄村村级光伏电站（演示）',
        region: '370405103201',
        regionName: '冯庄村',
        fields: {
          fundsYuan: 450_000,
          fundSource: '财政专项扶贫资金（演示）',
          beneficiaryHouseholds: 38,
          beneficiaryPersons: 92,
          progress: '已并网发电（演示）',
          implementer: '涧头集镇人民政府（演示）',
          note: '演示用，金额虚构',
        },
      },
      {
        entryId: 'project-jiantouji-road',
        fullName: '镇村道路硬化工程（演示）',
        region: '370405103000',
        fields: {
          fundsYuan: 300_000,
          fundSource: '财政专项扶贫资金（演示）',
          beneficiaryHouseholds: 120,
          beneficiaryPersons: 310,
          progress: '已完工验收（演示）',
          implementer: '涧头集镇人民政府（演示）',
          note: '演示用，金额虚构',
        },
      },
    ],
  });
  return { notices: [fund.noticeId, project.noticeId] };
}
