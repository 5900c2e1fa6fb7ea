/**
 * The counter's keys: every frequent action on one key, printed on its button and listed by
 * "?" (Keys). Function keys work wherever the focus is, even while typing in the search or a
 * name; the other keys (arrows, +, -, Delete, ?, /) only when no text field has the focus, so
 * they never eat what is being typed. F5 (reload), F11 (full screen) and F12 (developer tools)
 * stay the browser's.
 *
 * Pure: the screen asks which action a key press means and decides what it does now.
 */

export type CounterAction =
  | 'help'
  | 'search'
  | 'orderType'
  | 'name'
  | 'note'
  | 'discount'
  | 'price'
  | 'send'
  | 'cash'
  | 'card'
  | 'hold'
  | 'tickets'
  | 'split'
  | 'orders'
  | 'previousLine'
  | 'nextLine'
  | 'more'
  | 'less'
  | 'removeLine'
  | 'newOrder'
  | 'close';

export interface KeyBinding {
  readonly action: CounterAction;
  /** `KeyboardEvent.key`. */
  readonly key: string;
  /** Shift held (function keys only; a printed character such as "?" already says it). */
  readonly shift?: boolean;
}

/** The keys, the first binding of each action being the one printed on its button. */
export const COUNTER_KEYS: readonly KeyBinding[] = [
  { action: 'help', key: 'F1' },
  { action: 'help', key: '?' },
  { action: 'search', key: 'F2' },
  { action: 'search', key: '/' },
  { action: 'orderType', key: 'F3' },
  { action: 'name', key: 'F4' },
  { action: 'note', key: 'F6' },
  { action: 'discount', key: 'F7' },
  { action: 'price', key: 'F7', shift: true },
  { action: 'send', key: 'F8' },
  { action: 'cash', key: 'F9' },
  { action: 'card', key: 'F10' },
  { action: 'hold', key: 'F8', shift: true },
  { action: 'tickets', key: 'F2', shift: true },
  { action: 'split', key: 'F10', shift: true },
  { action: 'orders', key: 'F1', shift: true },
  { action: 'previousLine', key: 'ArrowUp' },
  { action: 'nextLine', key: 'ArrowDown' },
  { action: 'more', key: '+' },
  { action: 'less', key: '-' },
  { action: 'removeLine', key: 'Delete' },
  { action: 'newOrder', key: 'Enter' },
  { action: 'close', key: 'Escape' },
];

/** What each action is called on the Keys list (and in its button's accessible name). */
export const ACTION_LABELS: Readonly<Record<CounterAction, string>> = {
  help: 'Keys',
  search: 'Search',
  orderType: 'Dine-in / takeout',
  name: 'Name or table',
  note: 'Note on the line',
  discount: 'Discount',
  price: 'Price override',
  send: 'Send to kitchen',
  cash: 'Cash (again: exact)',
  card: 'Card (again: charge)',
  hold: 'Hold the ticket',
  tickets: 'Open tickets (recall)',
  split: 'Split the bill',
  orders: "Today's orders (refund, receipt)",
  previousLine: 'Previous line',
  nextLine: 'Next line',
  more: 'One more',
  less: 'One less',
  removeLine: 'Remove line',
  newOrder: 'New order (on the receipt)',
  close: 'Close, clear the search',
};

export interface KeyLike {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/** Function keys and Escape work while typing in a field; the rest only outside one. */
export function worksWhileTyping(binding: KeyBinding): boolean {
  return /^F\d+$/.test(binding.key) || binding.key === 'Escape';
}

/**
 * The action a key press means, if any. `typing`: a text field has the focus. Keys with Ctrl,
 * Alt or Meta belong to the browser and the system.
 */
export function counterAction(event: KeyLike, typing: boolean): CounterAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  for (const binding of COUNTER_KEYS) {
    if (binding.key !== event.key) continue;
    // A printed character already carries its Shift ("?" is Shift+/): only function keys compare it.
    if (binding.key.length > 1 && (binding.shift ?? false) !== (event.shiftKey ?? false)) continue;
    if (typing && !worksWhileTyping(binding)) return undefined;
    return binding.action;
  }
  return undefined;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  Delete: 'Del',
  Escape: 'Esc',
};

/** How a binding is printed: "F9", "⇧F7", "↑", "Del". */
export function bindingLabel(binding: KeyBinding): string {
  return (binding.shift ? '⇧' : '') + (KEY_NAMES[binding.key] ?? binding.key);
}

/** The key printed on an action's button ("F9"). */
export function keyOf(action: CounterAction): string {
  const binding = COUNTER_KEYS.find((b) => b.action === action);
  return binding ? bindingLabel(binding) : '';
}

/** The Keys list: each action once, with every key that does it ("F1 or ?"). */
export function keyList(): { action: CounterAction; label: string; keys: string[] }[] {
  const out: { action: CounterAction; label: string; keys: string[] }[] = [];
  for (const binding of COUNTER_KEYS) {
    const entry = out.find((e) => e.action === binding.action);
    if (entry) entry.keys.push(bindingLabel(binding));
    else out.push({ action: binding.action, label: ACTION_LABELS[binding.action], keys: [bindingLabel(binding)] });
  }
  return out;
}
