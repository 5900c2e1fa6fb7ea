/**
 * Run in a worker of its own while the kiosk starts (intl-warm.ts): makes one formatter of each
 * kind the first screen makes, then ends. The first `Intl.DateTimeFormat` of a page loads ICU's
 * calendar, time-zone and pattern data (40–65 ms of main thread at 4× slowdown), the first
 * currency `Intl.NumberFormat` its number data; the browser keeps both for the whole page, so
 * the main thread then makes its own formatters in well under a millisecond. Nothing is sent
 * back: what the screens show is formatted on the main thread as before.
 */
const at = Date.now();
// The two the core makes for a store's zone (time-windows.ts, business-day.ts), in a zone every browser has.
new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
}).formatToParts(at);
new Intl.DateTimeFormat('en-CA', {
  timeZone: 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
}).formatToParts(at);
// Prices (money.ts).
new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(1);
self.close();
