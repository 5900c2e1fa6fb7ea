/** Debian's Chromium and the flags it needs here (no sandbox as root, no background network). */
export const CHROMIUM_PATH = process.env.TILLBOX_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
