/**
 * The business day an instant belongs to, in the store's time zone. A day that starts at 04:00
 * keeps a late-night order in the evening's day, so order numbers restart once per day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The last answer per zone and start hour, for the UTC minute it was asked in: since 1972 every
 * zone's offset and every change of it fall on whole minutes, so the answer holds for the minute
 * (formatting the date costs more than the rest of an order's day bookkeeping, on every order).
 */
const lastDay = new Map<string, { minute: number; day: string }>();

/** `YYYY-MM-DD` of the business day holding `at` (ms since epoch). */
export function businessDay(at: number, timeZone: string, dayStartHour = 4): string {
  const minute = Math.floor(at / 60_000);
  const key = `${timeZone}|${dayStartHour}`;
  const last = lastDay.get(key);
  if (last?.minute === minute) return last.day;
  const day = computeBusinessDay(at, timeZone, dayStartHour);
  if (lastDay.size > 16) lastDay.clear();
  lastDay.set(key, { minute, day });
  return day;
}

function computeBusinessDay(at: number, timeZone: string, dayStartHour: number): string {
  const parts = formatter(timeZone).formatToParts(new Date(at));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const hour = get('hour');
  let y = get('year');
  let m = get('month');
  let d = get('day');
  if (hour < dayStartHour) {
    // Step back one calendar day (UTC arithmetic on the local date is exact for whole days).
    const prev = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
    y = prev.getUTCFullYear();
    m = prev.getUTCMonth() + 1;
    d = prev.getUTCDate();
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar day after `day` (`YYYY-MM-DD`). */
export function nextCalendarDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/**
 * The business day new orders belong to: the day holding `at`, unless that day (or a later one)
 * is already closed by a Z report — then the day after the last closed one, even while the clock
 * is still in the closed day.
 */
export function openBusinessDay(at: number, timeZone: string, dayStartHour: number, lastClosed?: string): string {
  const today = businessDay(at, timeZone, dayStartHour);
  if (lastClosed === undefined) return today;
  const next = nextCalendarDay(lastClosed);
  return today > next ? today : next;
}

/** The hour (0–23) the store's clock shows at `at` (ms since epoch). */
export function localHour(at: number, timeZone: string): number {
  const hour = formatter(timeZone)
    .formatToParts(new Date(at))
    .find((p) => p.type === 'hour')?.value;
  return Number(hour) % 24;
}
