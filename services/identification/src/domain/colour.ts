import type { identificationEvents } from '@jingzhun/types';

type WelfareChecks = identificationEvents.WelfareChecks;

import { failedWelfareChecks, yuan } from './eligibility.js';

/**
 * Four-colour management 四色管理 (000 ID-7 L507–522; algorithm workflows.md §1.2).
 * `edgeFactor` is the parameter `edge.factor` [PROP, default 1.5]; mline(y) = the published
 * provincial monitoring line when there is one, else edgeFactor × line(y).
 */
export type Colour = 'RED' | 'ORANGE' | 'YELLOW' | 'GREEN';
export const DEFAULT_EDGE_FACTOR = 1.5;

export function monitoringLineFen(lineYuan: number, edgeFactor = DEFAULT_EDGE_FACTOR, publishedMlineYuan?: number): number {
  if (publishedMlineYuan !== undefined) return yuan(publishedMlineYuan);
  return Math.round(yuan(lineYuan) * edgeFactor);
}

export interface ColourInput {
  status: string;
  monitorType?: string | undefined;
  perCapitaFen: number;
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
  if (registered || acute) return input.perCapitaFen <= yuan(input.lineYuan) || !ok ? 'RED' : 'ORANGE';
  if (input.status === 'EXITED_WITH_POLICY' || input.status === 'EXITED_NO_POLICY' || input.status === 'MONITORED' || input.status === 'RISK_ELIMINATED') {
    const mline = monitoringLineFen(input.lineYuan, input.edgeFactor, input.publishedMlineYuan);
    const atRisk = input.perCapitaFen < mline || !ok || input.riskFlags.length > 0 || input.monitorType === '脱贫不稳定户';
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
