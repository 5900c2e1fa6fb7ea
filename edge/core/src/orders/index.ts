export * from './order.js';
export * from './decide.js';
export * from './placement.js';
export * from './refunds.js';
export * from './adjust.js';
export * from './payment-intent.js';
