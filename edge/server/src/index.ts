export { Edge, type EdgeContext } from './app.js';
export { loadSettings, maskSettings, settingLeaves, settingsMarkdown, type Settings } from './config/settings.js';
export { createLogger } from './logger.js';
