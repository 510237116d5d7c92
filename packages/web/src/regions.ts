import { ApiError, NETWORK_MESSAGE } from '@jingzhun/client';

/** The region directory for the public board (public/regions.json: statistical division codes). */
export interface BoardRegion {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parent?: string;
}

let cache: Promise<BoardRegion[]> | undefined;

export function loadRegions(): Promise<BoardRegion[]> {
  cache ??= fetch('/regions.json')
    .catch(() => {
      throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
    })
    .then(async (response) => {
      if (!response.ok) throw new ApiError(response.status, 'REGIONS_UNAVAILABLE', '区划目录暂时无法加载，请稍后重试');
      return (await response.json()) as BoardRegion[];
    });
  cache.catch(() => {
    cache = undefined;
  });
  return cache;
}

export function regionName(regions: BoardRegion[] | undefined, code: string): string {
  return regions?.find((r) => r.code === code)?.name ?? code;
}

/**
 * The policy catalog's jurisdiction of a staff member's region (the same prefixes as the subsidy
 * service's domain/jurisdiction.ts): a county page derives it from the session, never asks for it.
 */
const JURISDICTION_PREFIX: [string, string][] = [
  ['370405', 'taierzhuang'],
  ['370404', 'yicheng'],
  ['370323', 'yiyuan'],
  ['3702', 'qingdao'],
  ['3708', 'jining'],
];

export function jurisdictionOf(region: string): string | undefined {
  return JURISDICTION_PREFIX.find(([prefix]) => region.startsWith(prefix))?.[1];
}
