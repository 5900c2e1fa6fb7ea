import { describe, expect, it } from 'vitest';
import { isCompletePin, pinKeyOf, pressPinKey, type PinKey } from './pin-entry.js';

function type(keys: PinKey[]): { pin: string; submitted: string[] } {
  let pin = '';
  const submitted: string[] = [];
  for (const key of keys) {
    const step = pressPinKey(pin, key);
    pin = step.pin;
    if (step.submit) submitted.push(pin);
  }
  return { pin, submitted };
}

describe('PIN pad', () => {
  it('submits on enter only once the PIN has 4 to 8 digits', () => {
    expect(type(['1', '2', '3', 'enter']).submitted).toEqual([]);
    expect(type(['1', '2', '3', '4', 'enter']).submitted).toEqual(['1234']);
  });

  it('stops at 8 digits, deletes the last one and clears', () => {
    const nine = Array.from({ length: 9 }, () => '7' as const);
    expect(type(nine).pin).toBe('77777777');
    expect(type(['1', '2', '3', 'delete']).pin).toBe('12');
    expect(type(['1', '2', 'clear', '5']).pin).toBe('5');
  });

  it('reads digits, Backspace, Delete and Enter from the keyboard and ignores other keys', () => {
    expect(['4', 'Backspace', 'Delete', 'Enter', 'a', 'Escape', 'F1'].map(pinKeyOf)).toEqual([
      '4',
      'delete',
      'clear',
      'enter',
      undefined,
      undefined,
      undefined,
    ]);
    expect(isCompletePin('12a4')).toBe(false);
    expect(isCompletePin('123456789')).toBe(false);
  });
});
