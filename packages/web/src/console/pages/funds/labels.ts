import { fundsApi } from '@jingzhun/types';

/** Chinese names of the funds service's coded values (domain/project.ts, assets.ts, ledger.ts in the service). */
export const FUND_LEVEL_ZH: Record<string, string> = { central: '中央', province: '省级', city: '市级', county: '县（区）级' };
export const PROJECT_TYPE_ZH: Record<string, string> = fundsApi.PROJECT_TYPE_NAMES;
export const PROJECT_STATE_ZH: Record<string, string> = fundsApi.PROJECT_STATE_NAMES;
export const LINK_ZH: Record<string, string> = fundsApi.LINK_TYPE_NAMES;
export const COLLECTIVE_FUND_ZH: Record<string, string> = fundsApi.COLLECTIVE_FUND_NAMES;
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
export const EVIDENCE_ZH: Record<string, string> = fundsApi.EVIDENCE_KIND_NAMES;
export const PROGRESS_ZH: Record<string, string> = { 'on-track': '正常', 'at-risk': '偏慢', behind: '滞后' };
/** 元 typed in a form → integer fen. */
export { toFen } from '../../../format.js';
