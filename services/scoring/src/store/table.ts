import { defineTable } from '@jingzhun/platform/table';

/** The scoring service's single table. */
export const scoringTable = defineTable({ name: 'scoring', indexes: 3 });
