/**
 * Wall-clock time in a store's IANA time zone, and recurring weekly windows ("14:00–17:00
 * Mon–Fri"). An instant is converted with Intl.DateTimeFormat, so a window means the same
 * local hours on both sides of a daylight-saving change.
 */
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes after local midnight of an `HH:MM` time (`24:00` is 1440, the end of the day). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export const clockTime = z
  .string()
  .regex(HHMM, 'a time is HH:MM on a 24-hour clock, 00:00 to 24:00')
  .describe('Local wall-clock time, HH:MM (24:00 = end of day)');

export const localDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date is YYYY-MM-DD')
  .describe('A calendar date in the store time zone, YYYY-MM-DD');

export const weeklyWindowSchema = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .max(7)
      .describe('Days of the week the window is open, in the store time zone'),
    start: clockTime.describe('Local time the window opens (inclusive)'),
    end: clockTime.describe('Local time the window closes (exclusive); must be after start'),
  })
  .superRefine((w, ctx) => {
    if (minutesOf(w.end) <= minutesOf(w.start)) {
      ctx.addIssue({
        code: 'custom',
        message: `window ends (${w.end}) before it starts (${w.start}); split an overnight window in two`,
        path: ['end'],
      });
    }
  })
  .describe('A recurring weekly window in store-local time, e.g. Mon–Fri 14:00–17:00');
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;

/** A moment as the store's clock and calendar show it. */
export interface LocalMoment {
  /** `YYYY-MM-DD` in the store time zone. */
  readonly date: string;
  readonly weekday: Weekday;
  /** Minutes after local midnight, 0–1439. */
  readonly minute: number;
  readonly timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The last moment worked out, by time zone and epoch minute: orders placed in the same minute share it. */
const lastMoments = new Map<string, { epochMinute: number; moment: LocalMoment }>();

/** The store-local date, weekday and minute of an instant (ms since the epoch). */
export function localMoment(instant: number, timeZone: string): LocalMoment {
  // Every time zone's offset is a whole number of minutes, so one epoch minute is one local minute.
  const epochMinute = Math.floor(instant / 60_000);
  const last = lastMoments.get(timeZone);
  if (last?.epochMinute === epochMinute) return last.moment;
  const moment = computeLocalMoment(instant, timeZone);
  lastMoments.set(timeZone, { epochMinute, moment });
  return moment;
}

function computeLocalMoment(instant: number, timeZone: string): LocalMoment {
  let year = '';
  let month = '';
  let day = '';
  let hour = 0;
  let minute = 0;
  let weekday: Weekday = 'mon';
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
    else if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
    else if (p.type === 'weekday') weekday = WEEKDAY_OF[p.value] ?? 'mon';
  }
  return { date: `${year}-${month}-${day}`, weekday, minute: hour * 60 + minute, timeZone };
}

/** True when the moment falls inside the window (start inclusive, end exclusive). */
export function inWindow(moment: LocalMoment, window: WeeklyWindow): boolean {
  return (
    window.days.includes(moment.weekday) &&
    moment.minute >= minutesOf(window.start) &&
    moment.minute < minutesOf(window.end)
  );
}

/** True when there are no windows (always open) or the moment is inside one of them. */
export function inAnyWindow(moment: LocalMoment, windows: readonly WeeklyWindow[]): boolean {
  return windows.length === 0 || windows.some((w) => inWindow(moment, w));
}

/** A window with its days as a bit mask and its times in minutes, for checking many times fast. */
export interface CompiledWindow {
  readonly days: number;
  readonly start: number;
  readonly end: number;
}

export function compileWindow(w: WeeklyWindow): CompiledWindow {
  let days = 0;
  for (const d of w.days) days |= 1 << WEEKDAYS.indexOf(d);
  return { days, start: minutesOf(w.start), end: minutesOf(w.end) };
}

/** Like {@link inAnyWindow}, over compiled windows. */
export function inAnyCompiledWindow(moment: LocalMoment, windows: readonly CompiledWindow[]): boolean {
  if (windows.length === 0) return true;
  const day = 1 << WEEKDAYS.indexOf(moment.weekday);
  return windows.some((w) => (w.days & day) !== 0 && moment.minute >= w.start && moment.minute < w.end);
}

/** `2025-03-10 15:00` for messages. */
export function describeMoment(m: LocalMoment): string {
  const hh = String(Math.floor(m.minute / 60)).padStart(2, '0');
  const mm = String(m.minute % 60).padStart(2, '0');
  return `${m.date} ${hh}:${mm} ${m.weekday} (${m.timeZone})`;
}

/** `Mon–Fri 14:00–17:00` style text for a window. */
export function describeWindow(w: WeeklyWindow): string {
  const names = w.days.map((d) => d.charAt(0).toUpperCase() + d.slice(1));
  return `${names.join(', ')} ${w.start}–${w.end}`;
}
