export * from './denominations.js';
export * from './drawer.js';
export * from './decide.js';
export * from './events.js';
export * from './attribution.js';
