import { defineTable, tableName } from '@jingzhun/platform/table';

/** The funds service's single table. */
export const fundsTable = defineTable({ name: 'funds', indexes: 1 });
export const table = () => tableName(fundsTable);
