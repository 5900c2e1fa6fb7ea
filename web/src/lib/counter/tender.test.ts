import { describe, expect, it } from 'vitest';
import { changeDue, parseTendered, quickTenders } from './tender.js';

describe('quick tenders', () => {
  it('offers exact, then the next dollar and the notes a guest hands over', () => {
    expect(quickTenders(893, 'USD')).toEqual([893, 900, 1000, 2000, 5000]);
    expect(quickTenders(1250, 'USD')).toEqual([1250, 1300, 1500, 2000, 5000]);
  });

  it('does not repeat an amount when the total is already round', () => {
    expect(quickTenders(1000, 'USD')).toEqual([1000, 2000, 5000, 10000]);
    expect(quickTenders(2000, 'USD')).toEqual([2000, 5000, 10000]);
  });

  it('steps in the notes of a currency without minor units', () => {
    expect(quickTenders(880, 'JPY')).toEqual([880, 900, 1000, 5000, 10000]);
  });
});

describe('cash typed by the cashier', () => {
  it('reads whole amounts and amounts with cents', () => {
    expect(parseTendered('20', 'USD')).toBe(2000);
    expect(parseTendered('8.93', 'USD')).toBe(893);
    expect(parseTendered('8,9', 'USD')).toBe(890);
    expect(parseTendered(' 50. ', 'USD')).toBe(5000);
    expect(parseTendered('.5', 'USD')).toBe(50);
    expect(parseTendered('1000', 'JPY')).toBe(1000);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '.', 'ten', '-5', '8.931', '1e3', '12.34.5'])
      expect(parseTendered(bad, 'USD')).toBeUndefined();
    expect(parseTendered('10.5', 'JPY')).toBeUndefined();
  });

  it('gives change only once the cash covers the total', () => {
    expect(changeDue(893, 2000)).toBe(1107);
    expect(changeDue(893, 893)).toBe(0);
    expect(changeDue(893, 500)).toBeUndefined();
    expect(changeDue(893, undefined)).toBeUndefined();
  });
});
