import { defineTable } from '@jingzhun/platform/table';

/** The dispatch service's single table. */
export const dispatchTable = defineTable({ name: 'dispatch', indexes: 2 });
