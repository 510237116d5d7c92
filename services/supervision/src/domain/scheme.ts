import { DomainError } from '@jingzhun/types';

/**
 * The assessment scheme (考核方案) of a year and jurisdiction, as data: indicators with their
 * weight (full points), the range an entered score may take, and where the figure comes from.
 *
 * Seeds: towns are assessed on exit targets and departments on their responsibilities
 * (000 AS-5 L604–612); the criterion is 两不愁三保障 with quality above quantity (000 AS-6
 * L4063–4075); assessment focuses on 两不愁三保障 and drinking water, exit quality and public
 * satisfaction (002 T-17 L179); audit rectification is a basis of rewards and penalties (004 L800).
 */
export const INDICATOR_SOURCES = ['task-completion', 'dispatch-metric', 'funds-progress', 'filings-on-time', 'rectification-closure', 'survey', 'entered'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const SOURCE_NAMES: Record<IndicatorSource, string> = {
  'task-completion': '年度任务完成情况',
  'dispatch-metric': '月调度指标',
  'funds-progress': '资金支出进度',
  'filings-on-time': '按时报送',
  'rectification-closure': '问题整改销号',
  survey: '群众满意度调查',
  entered: '考核组评分',
};

export interface Indicator {
  code: string;
  name: string;
  /** Full points of the indicator. */
  weight: number;
  source: IndicatorSource;
  /**
   * `ratio`: the figure is a count achieved of a count due and earns weight × achieved / due;
   * `points`: the team enters the points, within [min, max].
   */
  method: 'ratio' | 'points';
  min: number;
  max: number;
  /** What the figure is, for the explanation. */
  basis: string;
  citation: string;
}

export interface Scheme {
  schemeId: string;
  year: number;
  jurisdiction: string;
  name: string;
  indicators: Indicator[];
  /** Grade thresholds on the total (points). */
  grades: { excellent: number; good: number; pass: number };
}

/** A full scheme adds up to 100 points; ranges sit inside [0, weight]. */
export function validateScheme(scheme: Pick<Scheme, 'indicators' | 'grades'>): void {
  const codes = new Set<string>();
  let sum = 0;
  for (const indicator of scheme.indicators) {
    if (codes.has(indicator.code)) throw new DomainError('SCHEME_INVALID', `指标代码重复：${indicator.name}`, 400, { code: indicator.code });
    codes.add(indicator.code);
    if (!(indicator.weight > 0)) throw new DomainError('SCHEME_INVALID', `指标“${indicator.name}”的分值必须大于 0`, 400, { code: indicator.code });
    if (indicator.min < 0 || indicator.max > indicator.weight || indicator.min > indicator.max)
      throw new DomainError('SCHEME_INVALID', `指标“${indicator.name}”的评分范围须在 0 至 ${indicator.weight} 分之间`, 400, { code: indicator.code });
    if (!Number.isInteger(indicator.weight * 10)) throw new DomainError('SCHEME_INVALID', `指标“${indicator.name}”的分值最多一位小数`, 400, { code: indicator.code });
    sum += indicator.weight * 10;
  }
  if (sum !== 1000) throw new DomainError('SCHEME_INVALID', `各指标分值合计应为 100 分，现为 ${sum / 10} 分`, 400, { total: sum / 10 });
  const { excellent, good, pass } = scheme.grades;
  if (!(excellent > good && good > pass && pass > 0 && excellent <= 100)) throw new DomainError('SCHEME_INVALID', '等次分数线应为 优秀 > 良好 > 合格 > 0，且不超过 100 分', 400);
}

/**
 * The default scheme [PROP] (docs/decisions.md Supervision 1): the weights are ours, the indicators
 * and their sources are the documents'.
 */
export function defaultScheme(year: number, jurisdiction: string): Scheme {
  return {
    schemeId: `${jurisdiction}-${year}-v1`,
    year,
    jurisdiction,
    name: `${year}年度脱贫攻坚工作成效考核方案`,
    grades: { excellent: 90, good: 80, pass: 60 },
    indicators: [
      {
        code: 'tasks',
        name: '年度脱贫任务完成',
        weight: 30,
        source: 'task-completion',
        method: 'ratio',
        min: 0,
        max: 30,
        basis: '按期完成的年度任务数／年度任务数',
        citation: '000 AS-5 L604–612; 000 AS-7 L4092–4102',
      },
      {
        code: 'quality',
        name: '两不愁三保障和饮水安全',
        weight: 25,
        source: 'entered',
        method: 'points',
        min: 0,
        max: 25,
        basis: '考核组按核心标准实地核查评分',
        citation: '002 T-17 L179; 000 AS-6 L4063–4075',
      },
      {
        code: 'funds',
        name: '扶贫资金支出进度',
        weight: 15,
        source: 'funds-progress',
        method: 'ratio',
        min: 0,
        max: 15,
        basis: '已支出资金／已拨付资金',
        citation: '004 L395–412（月度支出调度）',
      },
      {
        code: 'filings',
        name: '月调度按时报送',
        weight: 10,
        source: 'filings-on-time',
        method: 'ratio',
        min: 0,
        max: 10,
        basis: '按时报送的月份数／应报送月份数',
        citation: '003 SC-1 L771; workflows.md §6',
      },
      {
        code: 'rectification',
        name: '问题整改按期销号',
        weight: 10,
        source: 'rectification-closure',
        method: 'ratio',
        min: 0,
        max: 10,
        basis: '按期销号的整改事项数／到期整改事项数',
        citation: '002 T-19 L189; 004 L800; 003 L779',
      },
      {
        code: 'satisfaction',
        name: '群众满意度',
        weight: 10,
        source: 'survey',
        method: 'ratio',
        min: 0,
        max: 10,
        basis: '表示满意的受访户数／受访户数',
        citation: '002 T-17 L179; 003 PN-7 L827',
      },
    ],
  };
}
