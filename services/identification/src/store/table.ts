import { defineTable } from '@jingzhun/platform/table';

/** The identification service's single table. */
export const identificationTable = defineTable({ name: 'identification', indexes: 2 });
