/**
 * The bank assessment's items and the data owners' figures in Chinese (seed 000 L4150–4276,
 * 台儿庄区银行业金融机构支持地方经济发展考核办法: 第三条 to 第十一条).
 */
export const ASSESSMENT_ITEM_ZH: Record<string, string> = {
  '1a': '当年新增贷款量（第三条第1项）',
  '1b': '当年新增贷款增幅（第三条第2项）',
  '2a': '中长期贷款增量（第四条第1项）',
  '2b': '中长期贷款增幅（第四条第2项）',
  '3': '存贷比（第五条）',
  '4': '改制企业贷款增量（第六条）',
  '5': '创新业务开展情况（第七条）',
  '6': '当年地方税收贡献（第八条）',
  '7a': '核销金额（第九条第1项）',
  '7b': '不良贷款处置率（第九条第2项）',
  '8': '服务网点建设（第十条）',
  '9': '日常工作考核（第十一条）',
};

export const ASSESSMENT_STATUS_ZH: Record<string, string> = { draft: '填报中', computed: '已计算', reviewed: '考核小组已审核', approved: '区政府已批准', published: '已通报' };

/** 人民银行's figures (万元 as decimal text), in the order of the report form. */
export const PBOC_FIGURES: { name: string; label: string }[] = [
  { name: 'loansStart', label: '年初本外币贷款余额（万元）' },
  { name: 'loansEnd', label: '年末本外币贷款余额（万元）' },
  { name: 'obsIncrease', label: '表外业务增量（万元）' },
  { name: 'debtEquitySwaps', label: '债转股置换债权（万元）' },
  { name: 'mltStart', label: '年初中长期贷款余额（万元）' },
  { name: 'mltEnd', label: '年末中长期贷款余额（万元）' },
  { name: 'mltObsIncrease', label: '中长期表外业务增量（万元）' },
  { name: 'mltDebtEquitySwaps', label: '中长期债转股置换债权（万元）' },
  { name: 'depositsEnd', label: '年末各项存款余额（万元）' },
  { name: 'restructStart', label: '年初改制企业贷款余额（万元）' },
  { name: 'restructEnd', label: '年末改制企业贷款余额（万元）' },
  { name: 'nplStart', label: '年初不良贷款余额（万元）' },
  { name: 'nplEnd', label: '年末不良贷款余额（万元）' },
  { name: 'nplDisposed', label: '当年不良贷款核销处置额（万元）' },
];

export const OUTLET_FIELDS: { name: string; label: string }[] = [
  { name: 'branches', label: '支行' },
  { name: 'communitySubBranches', label: '社区支行' },
  { name: 'microSubBranches', label: '小微支行' },
  { name: 'selfServiceBanks', label: '自助银行' },
  { name: 'ruralAtms', label: '农村自助柜员机' },
  { name: 'ruralCashRecyclers', label: '农村自助存取款机' },
  { name: 'ruralServicePoints', label: '普惠金融综合服务点' },
  { name: 'urbanAtms', label: '城区自助柜员机（不计分）' },
];
