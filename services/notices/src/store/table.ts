import { defineTable } from '@jingzhun/platform/table';

/** The notices service's single table. */
export const noticesTable = defineTable({ name: 'notices', indexes: 2 });
