/** Chinese names of the register's codes, for the mini-program (the API speaks codes). */
export const STATUS_ZH: Record<string, string> = {
  APPLYING: '识别中',
  REJECTED: '未纳入',
  REGISTERED: '建档立卡贫困户',
  RE_REGISTERED: '返贫户',
  MONITORED: '监测对象',
  RISK_ELIMINATED: '风险已消除',
  EXITED_WITH_POLICY: '已脱贫（享受政策）',
  EXITED_NO_POLICY: '已脱贫（不再享受政策）',
};
export const WORKFLOW_ZH: Record<string, string> = { entry: '识别', exit: '退出', monitoring: '监测', 'no-policy': '不再享受政策' };
export const MONITOR_TYPES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;
export const PAYMENT_STATUS_ZH: Record<string, string> = { approved: '已审核待发放', paid: '已发放', failed: '发放未成功' };

export const zh = (names: Record<string, string>, code: string | undefined): string => (code ? (names[code] ?? code) : '');

/** 12.34 元 from fen. */
export const yuan = (fen: number): string => `${(fen / 100).toFixed(2)} 元`;
