export * from './stock.js';
export * from './events.js';
export * from './decide.js';
