import { formatMoney } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { countSheet, parsePieces, stepPieces, varianceWords } from './count-sheet.js';

const money = (amount: number) => formatMoney({ amount, currency: 'USD' });

describe('counting a drawer by denomination', () => {
  it('lists every US bill and coin, largest first, and adds up what was typed to the cent', () => {
    const sheet = countSheet('USD', { '2000': '3', '500': '1', '25': '8', '1': '7' });
    expect(sheet.rows.map((r) => r.denomination.label)).toEqual([
      '$100',
      '$50',
      '$20',
      '$10',
      '$5',
      '$2',
      '$1',
      '50¢',
      '25¢',
      '10¢',
      '5¢',
      '1¢',
    ]);
    expect(sheet.rows.find((r) => r.key === '2000')?.value).toBe(6000);
    expect(sheet.total).toBe(6707);
    expect(sheet.count).toEqual({ '2000': 3, '500': 1, '25': 8, '1': 7 });
  });

  it('an empty sheet is a count of nothing', () => {
    expect(countSheet('USD', {})).toMatchObject({ total: 0, count: {} });
  });

  it('a row that is not a whole number of pieces is flagged and nothing is sent', () => {
    const sheet = countSheet('USD', { '2000': '2.5', '100': '4' });
    expect(sheet.total).toBeUndefined();
    expect(sheet.count).toBeUndefined();
    expect(sheet.rows.find((r) => r.key === '2000')?.problem).toMatch(/whole number of \$20/);
    expect(sheet.rows.find((r) => r.key === '100')?.value).toBe(400);
  });

  it('reads pieces as whole numbers from 0 to 10,000 only', () => {
    expect(parsePieces(' 12 ')).toBe(12);
    expect(parsePieces('')).toBe(0);
    for (const bad of ['-1', '1.5', 'ten', '10001', '1e3']) expect(parsePieces(bad)).toBeUndefined();
  });

  it('steps a row up and down, never below none', () => {
    let typed = stepPieces({}, '2000', 1);
    typed = stepPieces(typed, '2000', 1);
    expect(typed['2000']).toBe('2');
    typed = stepPieces(stepPieces(stepPieces(typed, '2000', -1), '2000', -1), '2000', -1);
    expect(typed['2000']).toBe('');
    expect(stepPieces({ '25': 'x' }, '25', 1)['25']).toBe('1');
  });

  it('counts Canadian cash without pennies', () => {
    expect(countSheet('CAD', { '200': '3', '5': '2' }).total).toBe(610);
    expect(countSheet('CAD', {}).rows.some((r) => r.key === '1')).toBe(false);
  });

  it('says the variance in words', () => {
    expect(varianceWords(0, money)).toBe('Balanced');
    expect(varianceWords(-624, money)).toBe('$6.24 short');
    expect(varianceWords(100, money)).toBe('$1.00 over');
  });
});
