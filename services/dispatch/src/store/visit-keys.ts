/**
 * Key builders for the visit facts of the dispatch read model (issue 15), beside keys.ts.
 *
 * | entity     | pk                          | sk                    |
 * |------------|-----------------------------|-----------------------|
 * | visit fact | VISITS#<county 6>#<period>  | <village>#<visitId>   |
 *
 * One partition per county and month; a town or village reads it with a sort-key prefix.
 */
export const visitFactKeys = {
  item: (village: string, period: string, visitId: string) => ({ pk: `VISITS#${village.slice(0, 6)}#${period}`, sk: `${village}#${visitId}` }),
  /** A county (6 digits), town (9) or village (12) of a month. */
  ofRegion: (region: string, level: 'county' | 'town' | 'village', period: string) => ({
    partition: { name: 'pk', value: `VISITS#${region.slice(0, 6)}#${period}` },
    sortKeyPrefix: { name: 'sk', value: region.slice(0, PREFIX[level]) },
  }),
};

const PREFIX = { county: 6, town: 9, village: 12 } as const;
