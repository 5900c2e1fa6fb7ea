export * from './day-report-schema.js';
export * from './day-report.js';
export * from './report-document.js';
