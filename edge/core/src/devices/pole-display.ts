/**
 * A pole display: the two-line vacuum fluorescent display (20 characters a line, most often) on a
 * pole by the counter, speaking the ESC/POS display commands (Epson DM-D and its compatibles). It
 * shows, in two lines, what the counter's customer display shows: the store's name while nothing
 * is open, the last item rung up and the total, the amount due, then "Thank you" and the change.
 *
 * Pure: the lines from a display state, the bytes for the lines, and a decoder of those bytes
 * (the virtual pole display and the tests read what a real one would show).
 */
import type { CustomerDisplayState } from '../wire/display.js';
import { formatMoney } from '../money.js';

export const POLE_ROWS = 2;

const ESC = 0x1b;
const US = 0x1f;
const CLR = 0x0c;

/** What a pole display can show: printable ASCII (accents dropped, anything else `?`). */
export function poleText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** `left` and `right` on one line of `columns`, the left cut short when both do not fit. */
function spread(left: string, right: string, columns: number): string {
  const l = poleText(left);
  const r = poleText(right).slice(0, columns);
  const room = columns - r.length - (r.length > 0 ? 1 : 0);
  const cut = l.slice(0, Math.max(0, room));
  return cut + ' '.repeat(Math.max(0, columns - cut.length - r.length)) + r;
}

function center(text: string, columns: number): string {
  const t = poleText(text).slice(0, columns);
  const before = Math.floor((columns - t.length) / 2);
  return (' '.repeat(before) + t).padEnd(columns, ' ');
}

/** The two lines a pole display of `columns` shows for a counter's display state (null: nothing published). */
export function poleDisplayLines(
  storeName: string,
  state: CustomerDisplayState | null,
  columns: number,
): [string, string] {
  if (!state || state.phase === 'idle') return [center(storeName, columns), center('Welcome', columns)];
  const money = (amount: number): string => formatMoney({ amount, currency: state.currency }, 'en-US');
  const total = spread('TOTAL', money(state.total), columns);
  if (state.phase === 'thanks') {
    const change = state.payment?.change;
    return [
      center('Thank you!', columns),
      change
        ? spread('CHANGE', money(change), columns)
        : center(state.thanks ? `Order ${state.thanks.orderNumber}` : '', columns),
    ];
  }
  if (state.phase === 'paying' && state.payment) {
    return [total, spread('DUE', money(state.payment.due + (state.payment.tip ?? 0)), columns)];
  }
  const last = state.lines.at(-1);
  const item = last
    ? spread(
        `${last.quantity > 1 ? `${last.quantity} ` : ''}${last.name}`,
        last.amount === undefined ? '' : money(last.amount),
        columns,
      )
    : ' '.repeat(columns);
  return [item, total];
}

/** The bytes that put `lines` on an ESC/POS pole display: initialise, clear, each line at its row. */
export function poleDisplayBytes(lines: readonly string[], columns: number): Uint8Array {
  const out: number[] = [ESC, 0x40, CLR];
  lines.slice(0, POLE_ROWS).forEach((line, row) => {
    // US $ x y: the cursor to column x, row y (from 1).
    out.push(US, 0x24, 1, row + 1);
    for (const ch of poleText(line).slice(0, columns).padEnd(columns, ' ')) out.push(ch.charCodeAt(0));
  });
  return Uint8Array.from(out);
}

/**
 * What a pole display of `columns` shows after `bytes`, from `before` (blank): ESC @ and CLR clear it,
 * US $ x y moves the cursor, CR and LF move it to the start of the line and down, printable bytes
 * are written and move it on (to the next line at the end of one); anything else is ignored.
 */
export function decodePoleDisplay(bytes: Uint8Array, columns: number, before?: readonly string[]): string[] {
  const rows = Array.from({ length: POLE_ROWS }, (_, i) => (before?.[i] ?? '').padEnd(columns, ' ').split(''));
  let x = 0;
  let y = 0;
  const clear = (): void => {
    for (const row of rows) row.fill(' ');
    x = 0;
    y = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === ESC && bytes[i + 1] === 0x40) {
      clear();
      i += 1;
    } else if (b === CLR) clear();
    else if (b === US && bytes[i + 1] === 0x24) {
      x = Math.min(columns, Math.max(1, bytes[i + 2] ?? 1)) - 1;
      y = Math.min(POLE_ROWS, Math.max(1, bytes[i + 3] ?? 1)) - 1;
      i += 3;
    } else if (b === 0x0d) x = 0;
    else if (b === 0x0a) y = Math.min(POLE_ROWS - 1, y + 1);
    else if (b >= 0x20 && b <= 0x7e) {
      const row = rows[y];
      if (row) row[x] = String.fromCharCode(b);
      x += 1;
      if (x >= columns) {
        x = 0;
        y = (y + 1) % POLE_ROWS;
      }
    }
  }
  return rows.map((r) => r.join(''));
}
