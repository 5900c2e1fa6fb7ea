/** @tillbox/cloud-relay: the chain's service between the store boxes and the cloud (see README.md). */
export { CloudRelay, createLogger, VERSION } from './app.js';
export { loadSettings, maskSettings, settingsSchema, type Settings } from './settings/settings.js';
export { openDatabase, type Database } from './db/database.js';
