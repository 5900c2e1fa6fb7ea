export * from './connection.js';
export * from './hardware-profile.js';
export * from './profile-check.js';
export * from './fingerprints.js';
export * from './receipt-document.js';
export * from './print-jobs.js';
export * from './scan.js';
export * from './pole-display.js';
