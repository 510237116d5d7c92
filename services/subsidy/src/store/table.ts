import { defineTable, tableName } from '@jingzhun/platform/table';

/** The subsidy service's single table. */
export const subsidyTable = defineTable({ name: 'subsidy', indexes: 2 });

export const table = () => tableName(subsidyTable);
