/** `node cloud-relay/dist/main.js`: start a cloud relay instance with settings from file and env. */
import { isTillboxError } from '@tillbox/core';
import { CloudRelay, createLogger } from './app.js';
import { loadSettings, maskSettings, type Settings } from './settings/settings.js';

let settings: Settings;
try {
  settings = loadSettings();
} catch (e) {
  console.error(isTillboxError(e) ? e.message : e);
  process.exit(78); // EX_CONFIG
}

const log = createLogger(settings.logLevel, settings.instanceId);
log.info({ settings: maskSettings(settings) }, 'settings');
const relay = new CloudRelay(settings, { log });

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
    await relay.stop();
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await relay.start();
} catch (err) {
  log.fatal({ err }, isTillboxError(err) ? err.message : 'the cloud relay could not start');
  process.exit(1);
}
