import { describe, expect, it } from 'vitest';
import { COUNTER_KEYS, counterAction, keyList, keyOf, type CounterAction } from './keymap.js';

const press = (key: string, typing = false, mods: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean } = {}) =>
  counterAction({ key, ...mods }, typing);

describe('counter keys', () => {
  it('puts the tenders, send, discount and search on function keys', () => {
    expect(['F1', 'F2', 'F3', 'F4', 'F6', 'F7', 'F8', 'F9', 'F10'].map((k) => press(k))).toEqual([
      'help',
      'search',
      'orderType',
      'name',
      'note',
      'discount',
      'send',
      'cash',
      'card',
    ]);
    expect(press('F7', false, { shiftKey: true })).toBe('price');
  });

  it('puts hold, the open tickets, the split bill and today’s orders on Shift and a function key', () => {
    expect(press('F8', false, { shiftKey: true })).toBe('hold');
    expect(press('F2', true, { shiftKey: true })).toBe('tickets');
    expect(press('F10', false, { shiftKey: true })).toBe('split');
    expect(press('F1', false, { shiftKey: true })).toBe('orders');
    expect(keyOf('hold')).toBe('⇧F8');
  });

  it('keeps function keys working while typing in the search, and leaves the rest to the field', () => {
    expect(press('F9', true)).toBe('cash');
    expect(press('F2', true)).toBe('search');
    expect(press('Escape', true)).toBe('close');
    for (const key of ['+', '-', '/', '?', 'Delete', 'ArrowUp', 'ArrowDown', 'Enter'])
      expect(press(key, true)).toBe(undefined);
  });

  it('edits the selected line from the keyboard when no field has the focus', () => {
    expect(['ArrowUp', 'ArrowDown', '+', '-', 'Delete', '?', '/'].map((k) => press(k))).toEqual([
      'previousLine',
      'nextLine',
      'more',
      'less',
      'removeLine',
      'help',
      'search',
    ]);
  });

  it('leaves the browser its own keys: reload, full screen, developer tools, and anything with Ctrl or Alt', () => {
    expect(press('F5')).toBeUndefined();
    expect(press('F11')).toBeUndefined();
    expect(press('F12')).toBeUndefined();
    expect(press('F9', false, { ctrlKey: true })).toBeUndefined();
    expect(press('F2', false, { altKey: true })).toBeUndefined();
    expect(press('a')).toBeUndefined();
    expect(press('5')).toBeUndefined(); // digits belong to fields and the scanner
  });

  it('gives every action one key to print on its button, and no key two actions', () => {
    const seen = new Map<string, CounterAction>();
    for (const b of COUNTER_KEYS) {
      const id = `${b.shift ? 'shift+' : ''}${b.key}`;
      expect(seen.get(id), `${id} is bound twice`).toBeUndefined();
      seen.set(id, b.action);
    }
    expect(keyOf('cash')).toBe('F9');
    expect(keyOf('price')).toBe('⇧F7');
    expect(keyOf('removeLine')).toBe('Del');
    const help = keyList().find((e) => e.action === 'help');
    expect(help).toEqual({ action: 'help', label: 'Keys', keys: ['F1', '?'] });
    expect(keyList()).toHaveLength(new Set(COUNTER_KEYS.map((b) => b.action)).size);
  });
});
