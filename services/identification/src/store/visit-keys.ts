/**
 * Key builders for visit records and their photos (issue 15), in a module of their own beside
 * keys.ts: the only place these key strings are written.
 *
 * | entity      | pk                      | sk     | gsi1pk / gsi1sk                 | gsi2pk / gsi2sk                   |
 * |-------------|-------------------------|--------|---------------------------------|-----------------------------------|
 * | visit       | VISIT#<visitId>         | VISIT  | VISITOR#<sub> / <date>#<id>     | HH_VISITS#<householdId> / <date>#<id> |
 * | visit photo | VISIT_PHOTO#<photoId>   | PHOTO  |                                 |                                   |
 *
 * The visit's own key is its client-made id, so a second PUT of the same visit meets the first.
 */
export const visitKeys = {
  item: (visitId: string) => ({ pk: `VISIT#${visitId}`, sk: 'VISIT' }),
  indexes: (sub: string, householdId: string, date: string, visitId: string) => ({
    gsi1pk: `VISITOR#${sub}`,
    gsi1sk: `${date}#${visitId}`,
    gsi2pk: `HH_VISITS#${householdId}`,
    gsi2sk: `${date}#${visitId}`,
  }),
  byVisitor: (sub: string) => ({ index: 'gsi1', partition: { name: 'gsi1pk', value: `VISITOR#${sub}` } }),
  byHousehold: (householdId: string) => ({ index: 'gsi2', partition: { name: 'gsi2pk', value: `HH_VISITS#${householdId}` } }),
  photo: (photoId: string) => ({ pk: `VISIT_PHOTO#${photoId}`, sk: 'PHOTO' }),
};
