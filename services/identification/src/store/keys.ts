/**
 * Key builders for the identification table: the only place key strings are written.
 *
 * | entity  | pk               | sk       | gsi1pk                    | gsi1sk |
 * |---------|------------------|----------|---------------------------|--------|
 * | region  | REGION#<code>    | REGION   | REGION_CHILDREN#<parent>  | <code> |
 */
export const regionKeys = {
  item: (code: string) => ({ pk: `REGION#${code}`, sk: 'REGION' }),
  childIndex: (parent: string, code: string) => ({ gsi1pk: `REGION_CHILDREN#${parent}`, gsi1sk: code }),
  childrenOf: (parent: string) => ({ name: 'gsi1pk', value: `REGION_CHILDREN#${parent}` }),
};
