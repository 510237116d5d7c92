import type { YearOutcome } from './units.js';

/**
 * Consequences of the yearly task (000 AS-7 L4092–4102): "完不成年度任务的，对党政主要负责人进行
 * 约谈；连续两年完不成年度任务的，对党政主要负责人进行组织调整；对提前完成脱贫攻坚任务的，在一定
 * 时间内资金不减、政策不变，并给予表扬奖励". The poor performers are talked to and rectify
 * (002 S-50 L181). Each consequence is a proposal with its basis; the decision is recorded later.
 */
export type ConsequenceKind = 'interview' | 'reorganisation' | 'reward';

export const CONSEQUENCE_NAMES: Record<ConsequenceKind, string> = {
  interview: '约谈党政主要负责人',
  reorganisation: '组织调整建议（报领导小组）',
  reward: '提前完成任务：资金不减、政策不变并表扬奖励',
};

export const CONSEQUENCE_CITATIONS: Record<ConsequenceKind, string> = {
  interview: 'seed 000 AS-7 L4092–4102; 002 S-50 L181',
  reorganisation: 'seed 000 AS-7 L4092–4102',
  reward: 'seed 000 AS-7 L4092–4102',
};

export interface ConsequenceProposal {
  kind: ConsequenceKind;
  name: string;
  citation: string;
  basis: string[];
}

/** `current` is the assessed year, `previous` the year before (undefined when never assessed). */
export function consequencesOf(current: YearOutcome, previous: YearOutcome | undefined): ConsequenceProposal[] {
  const out: ConsequenceProposal[] = [];
  const make = (kind: ConsequenceKind, basis: string[]) => out.push({ kind, name: CONSEQUENCE_NAMES[kind], citation: CONSEQUENCE_CITATIONS[kind], basis });
  if (current.missed) {
    make(
      'interview',
      current.missedTitles.map((title) => `${current.year}年未按期完成：${title}`),
    );
    if (previous?.missed)
      make('reorganisation', [`${previous.year}年、${current.year}年连续两年未完成年度任务`, ...current.missedTitles.map((title) => `${current.year}年：${title}`)]);
  } else if (current.early) {
    make('reward', [`${current.year}年度任务全部提前完成（共 ${current.tasks} 项）`]);
  }
  return out;
}
