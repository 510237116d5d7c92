/** Stock metrics of the supervision service's daily coverage check (supervision-projection.ts). */
export const SUPERVISION_METRICS = [
  { metric: 'stock.keyvillages.uncovered', label: '无第一书记或工作队的重点村（月末）', unit: '件' },
  { metric: 'stock.hh.no-helper', label: '未落实帮扶责任人的贫困户（月末）', unit: '户' },
  { metric: 'stock.supervision.tasks.overdue', label: '逾期未完成的年度任务（月末）', unit: '件' },
  { metric: 'stock.supervision.findings.overdue', label: '逾期未销号的整改事项（月末）', unit: '件' },
] as const;
