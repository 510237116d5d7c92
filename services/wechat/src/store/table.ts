import { defineTable } from '@jingzhun/platform/table';

/** The wechat service's single table: binding codes, bindings, accounts. */
export const wechatTable = defineTable({ name: 'wechat', indexes: 0 });
