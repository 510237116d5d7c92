/**
 * Which catalog jurisdiction a region belongs to (region codes: 统计用区划代码).
 */
import { DomainError, regionPrefix } from '@jingzhun/types';
import { JurisdictionId } from '../catalog/schema.js';

/** Region prefixes of the five jurisdictions of the seeds. */
export const JURISDICTION_PREFIX: Record<JurisdictionId, string> = {
  taierzhuang: '370405', // 枣庄市台儿庄区
  yicheng: '370404', // 枣庄市峄城区
  yiyuan: '370323', // 淄博市沂源县
  qingdao: '3702', // 青岛市
  jining: '3708', // 济宁市
};

export function jurisdictionOf(region: string): JurisdictionId | undefined {
  for (const [id, prefix] of Object.entries(JURISDICTION_PREFIX)) if (region.startsWith(prefix)) return id as JurisdictionId;
  return undefined;
}

export function requireJurisdiction(region: string): JurisdictionId {
  const id = jurisdictionOf(region);
  if (!id) throw new DomainError('UNKNOWN_JURISDICTION', `区划 ${region} 不属于政策目录中的任何辖区`, 400, { region });
  return id;
}

export function parseJurisdiction(value: string): JurisdictionId {
  const parsed = JurisdictionId.safeParse(value);
  if (!parsed.success) throw new DomainError('UNKNOWN_JURISDICTION', `辖区 ${value} 不在政策目录中`, 400, { jurisdiction: value });
  return parsed.data;
}

/** The region a jurisdiction's county staff must be scoped to (12-digit code). */
export function jurisdictionRegion(id: JurisdictionId): string {
  return JURISDICTION_PREFIX[id].padEnd(12, '0');
}

void regionPrefix;
