import { DomainError } from '@jingzhun/types';

/**
 * Unit–village and enterprise–village pairing (结对帮扶): civilised units at district level or
 * above pair with 1–2 key villages (000 AS-11 L3395–3397); every key village is paired with an
 * enterprise (001 L430, 村企结对全覆盖). A pair records what was committed and what was done.
 */
export type PartnerKind = 'unit' | 'civilised-unit' | 'enterprise';
export const PARTNER_KIND_NAMES: Record<PartnerKind, string> = { unit: '帮扶单位', 'civilised-unit': '文明单位', enterprise: '企业' };

export interface Pairing {
  pairingId: string;
  village: string;
  partnerName: string;
  partnerKind: PartnerKind;
  from: string;
  commitments: string[];
  actions: { on: string; what: string; amountFen: number }[];
}

/** A civilised unit pairs with at most two key villages at a time (000 AS-11 L3395–3397). */
export function checkPairing(existing: readonly Pairing[], next: Pick<Pairing, 'partnerName' | 'partnerKind' | 'village'>): void {
  if (existing.some((p) => p.partnerName === next.partnerName && p.village === next.village)) throw new DomainError('ALREADY_PAIRED', `${next.partnerName}已与该村结对`, 409);
  if (next.partnerKind === 'civilised-unit' && existing.filter((p) => p.partnerName === next.partnerName).length >= 2)
    throw new DomainError('TOO_MANY_PAIRINGS', '文明单位结对帮扶 1—2 个扶贫工作重点村，已达 2 个', 409);
}
