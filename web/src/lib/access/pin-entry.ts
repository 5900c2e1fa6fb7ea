/** What a PIN pad does with a key: digits up to the longest PIN, delete, clear, enter. */

/** PINs are 4 to 8 digits (the core's `pinSchema`). */
export const PIN_MIN = 4;
export const PIN_MAX = 8;

export type PinKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete' | 'clear' | 'enter';

export interface PinStep {
  pin: string;
  /** The PIN is complete and the person pressed enter: submit it. */
  submit: boolean;
}

export function pressPinKey(pin: string, key: PinKey): PinStep {
  switch (key) {
    case 'delete':
      return { pin: pin.slice(0, -1), submit: false };
    case 'clear':
      return { pin: '', submit: false };
    case 'enter':
      return { pin, submit: isCompletePin(pin) };
    default:
      return { pin: pin.length >= PIN_MAX ? pin : pin + key, submit: false };
  }
}

export function isCompletePin(pin: string): boolean {
  return /^\d+$/.test(pin) && pin.length >= PIN_MIN && pin.length <= PIN_MAX;
}

/** The PIN pad key a keyboard key means (digits, the number pad, Backspace, Delete, Enter), if any. */
export function pinKeyOf(key: string): PinKey | undefined {
  if (/^[0-9]$/.test(key)) return key as PinKey;
  if (key === 'Backspace') return 'delete';
  if (key === 'Delete') return 'clear';
  if (key === 'Enter') return 'enter';
  return undefined;
}
