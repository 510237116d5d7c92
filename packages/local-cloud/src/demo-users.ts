import type { Role } from '@jingzhun/types';

/** Demo staff for local sign-in (`POST /dev/login`). Regions are in the demo district 台儿庄区. */
export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  region: string;
  department?: string;
  bankId?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'county', name: '台儿庄区扶贫办（演示）', role: 'county', region: '370405000000' },
  { username: 'leading-group', name: '台儿庄区扶贫开发领导小组（演示）', role: 'leading_group', region: '370405000000' },
  { username: 'town-jiantouji', name: '涧头集镇（演示）', role: 'town', region: '370405103000' },
  { username: 'town-nigou', name: '泥沟镇（演示）', role: 'town', region: '370405102000' },
  { username: 'town-zhangshanzi', name: '张山子镇（演示）', role: 'town', region: '370405101000' },
  { username: 'town-yunhe', name: '运河街道（演示）', role: 'town', region: '370405001000' },
  { username: 'town-pizhuang', name: '邳庄镇（演示）', role: 'town', region: '370405100000' },
  { username: 'town-malantun', name: '马兰屯镇（演示）', role: 'town', region: '370405104000' },
  { username: 'village-fengzhuang', name: '涧头集镇冯庄村两委（演示）', role: 'village', region: '370405103201' },
  { username: 'village-xilancheng', name: '泥沟镇西兰城村两委（演示）', role: 'village', region: '370405102201' },
  { username: 'village-houtang', name: '张山子镇侯塘村两委（演示）', role: 'village', region: '370405101201' },
  { username: 'dept-minzheng', name: '区民政局（演示）', role: 'department', region: '370405000000', department: 'minzheng' },
  { username: 'dept-canlian', name: '区残联（演示）', role: 'department', region: '370405000000', department: 'canlian' },
  { username: 'dept-gongan', name: '区公安分局（演示）', role: 'department', region: '370405000000', department: 'gongan' },
  { username: 'dept-caizheng', name: '区财政局（演示）', role: 'department', region: '370405000000', department: 'caizheng' },
  { username: 'dept-zhujian', name: '区住建局（演示）', role: 'department', region: '370405000000', department: 'zhujian' },
  { username: 'dept-jiaoyu', name: '区教育局（演示）', role: 'department', region: '370405000000', department: 'jiaoyu' },
  // Units that owe the dispatch filings of workflows.md §6 (旬调度, 半月调度, 月调度 figures, sector schedules).
  { username: 'dept-jiaotong', name: '区交通运输局（演示）', role: 'department', region: '370405000000', department: 'jiaotong' },
  { username: 'dept-shuiwu', name: '区水务局（演示）', role: 'department', region: '370405000000', department: 'shuiwu' },
  { username: 'dept-renshe', name: '区人社局（演示）', role: 'department', region: '370405000000', department: 'renshe' },
  { username: 'dept-fagai', name: '区发展改革局（演示）', role: 'department', region: '370405000000', department: 'fagai' },
  { username: 'dept-nongye', name: '区农业农村局（演示）', role: 'department', region: '370405000000', department: 'nongye' },
  // The statistics office enters the county index's survey results (seed 004 L885).
  { username: 'dept-tongji', name: '区统计局（演示）', role: 'department', region: '370405000000', department: 'tongji' },
  { username: 'finance-office', name: '区金融办（演示）', role: 'finance_office', region: '370405000000' },
  { username: 'pboc', name: '人民银行台儿庄支行（演示）', role: 'pboc', region: '370405000000' },
  { username: 'bank-abc', name: '农业银行台儿庄支行（演示）', role: 'bank', region: '370405000000', bankId: 'abc' },
  { username: 'bank-rcb', name: '台儿庄农商银行（演示）', role: 'bank', region: '370405000000', bankId: 'rcb' },
  { username: 'bank-psbc', name: '邮储银行台儿庄支行（演示）', role: 'bank', region: '370405000000', bankId: 'psbc' },
  // Another county: for scope checks (薛城区).
  { username: 'other-county', name: '薛城区扶贫办（演示）', role: 'county', region: '370403000000' },
];
