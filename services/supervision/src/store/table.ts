import { defineTable } from '@jingzhun/platform/table';

/** The supervision service's single table. */
export const supervisionTable = defineTable({ name: 'supervision', indexes: 1 });
