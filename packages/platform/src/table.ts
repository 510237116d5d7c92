/**
 * A service's table, defined once: CDK and local-cloud both create it from this definition.
 * Single-table design: `pk`/`sk`, generic GSIs `gsiNpk`/`gsiNsk`, TTL on `ttl`, stream with new images.
 */
export interface TableDef {
  /** Logical name; also the physical name in local-cloud. */
  name: string;
  /** Number of generic global secondary indexes (gsi1…gsiN). */
  indexes: number;
}

export function defineTable(def: TableDef): TableDef {
  if (!/^[a-z][a-z0-9-]*$/.test(def.name)) throw new Error(`bad table name ${def.name}`);
  return def;
}

export function indexNames(def: TableDef): { name: string; pk: string; sk: string }[] {
  return Array.from({ length: def.indexes }, (_, i) => ({ name: `gsi${i + 1}`, pk: `gsi${i + 1}pk`, sk: `gsi${i + 1}sk` }));
}

/** The environment variable that carries a table's physical name to a function. */
export function tableEnvVar(def: TableDef): string {
  return `JZ_TABLE_${def.name.toUpperCase().replace(/-/g, '_')}`;
}

export function tableName(def: TableDef): string {
  return process.env[tableEnvVar(def)] ?? def.name;
}

export const TTL_ATTRIBUTE = 'ttl';
