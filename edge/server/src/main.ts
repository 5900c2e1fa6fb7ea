/** `node edge/server/dist/main.js`: start the store box with settings from file and env. */
import { isTillboxError } from '@tillbox/core';
import { Edge } from './app.js';
import { loadSettings, maskSettings, type Settings } from './config/settings.js';
import { createLogger } from './logger.js';

let settings: Settings;
try {
  settings = loadSettings();
} catch (e) {
  console.error(isTillboxError(e) ? e.message : e);
  process.exit(78); // EX_CONFIG
}

const log = createLogger(settings.log.level);
log.info({ settings: maskSettings(settings) }, 'settings');
const edge = new Edge({ settings, log });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  try {
    await edge.stop();
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await edge.start();
} catch (err) {
  log.fatal({ err }, isTillboxError(err) ? err.message : 'the store box could not start');
  process.exit(1);
}
