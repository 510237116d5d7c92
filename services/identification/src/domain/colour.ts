import type { identificationEvents } from '@jingzhun/types';

type WelfareChecks = identificationEvents.WelfareChecks;

import { failedWelfareChecks, yuan } from './eligibility.js';
import { compareToThreshold, type FenThreshold, fenThreshold, type PerCapita } from './income.js';

/**
 * Four-colour management 四色管理 (000 ID-7 L507–522; algorithm workflows.md §1.2).
 * `edgeFactor` is the parameter `edge.factor` [PROP, default 1.5]; mline(y) = the published
 * provincial monitoring line when there is one, else edgeFactor × line(y).
 */
export type Colour = 'RED' | 'ORANGE' | 'YELLOW' | 'GREEN';
export const DEFAULT_EDGE_FACTOR = 1.5;

/** mline(y) exactly: a published line as is, else edge factor × line as a fraction (the factor taken to 1/100). */
export function monitoringLine(lineYuan: number, edgeFactor = DEFAULT_EDGE_FACTOR, publishedMlineYuan?: number): FenThreshold {
  if (publishedMlineYuan !== undefined) return fenThreshold(yuan(publishedMlineYuan));
  return { numerator: yuan(lineYuan) * Math.round(edgeFactor * 100), denominator: 100 };
}

export interface ColourInput {
  status: string;
  monitorType?: string | undefined;
  income: PerCapita;
  lineYuan: number;
  welfare: WelfareChecks;
  riskFlags: readonly string[];
  edgeFactor?: number;
  publishedMlineYuan?: number;
}

export function classifyColour(input: ColourInput): Colour | undefined {
  const ok = failedWelfareChecks(input.welfare).length === 0;
  const registered = input.status === 'REGISTERED' || input.status === 'RE_REGISTERED';
  const acute = input.monitorType === '边缘易致贫户' || input.monitorType === '突发严重困难户';
  if (registered || acute) return compareToThreshold(input.income, fenThreshold(yuan(input.lineYuan))) <= 0 || !ok ? 'RED' : 'ORANGE';
  if (input.status === 'EXITED_WITH_POLICY' || input.status === 'EXITED_NO_POLICY' || input.status === 'MONITORED' || input.status === 'RISK_ELIMINATED') {
    const mline = monitoringLine(input.lineYuan, input.edgeFactor, input.publishedMlineYuan);
    const atRisk = compareToThreshold(input.income, mline) < 0 || !ok || input.riskFlags.length > 0 || input.monitorType === '脱贫不稳定户';
    return atRisk ? 'YELLOW' : 'GREEN';
  }
  return undefined;
}

/** Risk flags derived from the household's facts (workflows.md §1.2 `risk_flags` [PROP], 000 EX-16, 002 I-5). */
export function riskFlagsOf(facts: { houseDangerGrade: string | null; mainWorkerLost: boolean; childDroppedOut: boolean }): string[] {
  const flags: string[] = [];
  if (facts.houseDangerGrade === 'C' || facts.houseDangerGrade === 'D') flags.push('house-c-d');
  if (facts.mainWorkerLost) flags.push('main-worker-lost');
  if (facts.childDroppedOut) flags.push('child-dropout');
  return flags;
}
