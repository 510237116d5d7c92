import { parentRegion, regionLevel } from '@jingzhun/types';
import { taierzhuangDirectory } from '../../../services/identification/src/demo/taierzhuang.js';

export interface BoardRegion {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parent?: string;
}

export function regionsForBoard(): BoardRegion[] {
  return taierzhuangDirectory()
    .map((row) => ({ code: row.code, name: row.name, level: regionLevel(row.code) }))
    .filter((row): row is { code: string; name: string; level: 'county' | 'town' | 'village' } => row.level === 'county' || row.level === 'town' || row.level === 'village')
    .map((row) => ({ ...row, ...(row.level !== 'county' ? { parent: parentRegion(row.code) } : {}) }));
}
