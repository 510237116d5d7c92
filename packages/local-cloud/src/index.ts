export * from './cloud.js';
export * from './demo-users.js';
export * from './dynamodb-local.js';
export { RateLimiter } from './gateway.js';
export * from './identity.js';
export * from './tables.js';
export * from './testing.js';
export * from './wechat-stand-in.js';
