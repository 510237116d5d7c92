export * from './cloud.js';
export * from './dynamodb-local.js';
export * from './tables.js';
export * from './identity.js';
export * from './demo-users.js';
export { RateLimiter } from './gateway.js';
export * from './testing.js';
