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

/** `YYYY-MM-DD` of the business day holding `at` (ms since epoch). */
export function businessDay(at: number, timeZone: string, dayStartHour = 4): string {
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
