export * from './members.js';
export * from './events.js';
export * from './ledger.js';
export * from './order-loyalty.js';
