import { parentRegion, type RegionLevel, regionLevel } from '@jingzhun/types';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent?: string;
  keyVillage?: 'provincial' | 'municipal';
  childCount: number;
}

export interface RegionSeed {
  code: string;
  name: string;
  keyVillage?: 'provincial' | 'municipal';
}

/** Builds directory entries (level, parent, child counts) from plain code/name rows. */
export function buildDirectory(rows: readonly RegionSeed[]): Region[] {
  const childCounts = new Map<string, number>();
  for (const row of rows) {
    const parent = parentRegion(row.code);
    if (parent) childCounts.set(parent, (childCounts.get(parent) ?? 0) + 1);
  }
  const codes = new Set(rows.map((row) => row.code));
  return rows.map((row) => {
    const parent = parentRegion(row.code);
    if (parent && !codes.has(parent)) throw new Error(`region ${row.code} has no parent ${parent} in the directory`);
    return {
      code: row.code,
      name: row.name,
      level: regionLevel(row.code),
      ...(parent ? { parent } : {}),
      ...(row.keyVillage ? { keyVillage: row.keyVillage } : {}),
      childCount: childCounts.get(row.code) ?? 0,
    };
  });
}
