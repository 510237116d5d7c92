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
