/** Chinese names of the funds service's coded values (domain/project.ts, assets.ts, ledger.ts in the service). */
export const FUND_LEVEL_ZH: Record<string, string> = { central: '中央', province: '省级', city: '市级', county: '县（区）级' };
export const PROJECT_TYPE_ZH: Record<string, string> = {
  industry: '产业项目',
  infrastructure: '基础设施',
  workshop: '扶贫车间',
  pv: '光伏扶贫电站',
  housing: '住房安全',
  education: '教育扶贫',
  other: '其他',
};
export const PROJECT_STATE_ZH: Record<string, string> = {
  RESERVE: '项目储备',
  REJECTED: '未入选',
  APPROVED: '已立项',
  IN_PROGRESS: '组织实施',
  ACCEPTED: '竣工验收',
  HANDED_OVER: '建后管护',
};
export const LINK_ZH: Record<string, string> = { employment: '务工就业', dividend: '分红', shares: '折股量化', rent: '土地房屋租金', service: '生产服务' };
export const COLLECTIVE_FUND_ZH: Record<string, string> = { 'village-poverty-fund': '村扶贫基金', 'filial-piety-fund': '孝善养老基金' };
export const STEP_ZH: Record<string, string> = {
  propose: '申报入库',
  update: '修改',
  approve: '遴选立项',
  reject: '不予立项',
  start: '组织实施',
  milestone: '进度节点',
  accept: '竣工验收',
  handover: '资产移交',
};
export const EVIDENCE_ZH: Record<string, string> = {
  proposal: '项目申报书',
  'meeting-minutes': '会议纪要',
  appraisal: '论证评审意见',
  'implementation-plan': '实施方案',
  contract: '施工或采购合同',
  'progress-photo': '进度照片',
  invoice: '发票及报账单据',
  'acceptance-report': '竣工验收报告',
  handover: '资产移交书',
  other: '其他材料',
};
export const PROGRESS_ZH: Record<string, string> = { 'on-track': '正常', 'at-risk': '偏慢', behind: '滞后' };
/** 元 typed in a form → integer fen. */
export const toFen = (yuan: number | undefined): number => Math.round((yuan ?? 0) * 100);
