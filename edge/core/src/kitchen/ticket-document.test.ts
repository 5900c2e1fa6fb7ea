import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTillboxError } from '../errors.js';
import type { PricedLine } from '../wire/api.js';
import {
  kitchenModifiers,
  kitchenTicketDocument,
  kitchenTicketLine,
  kitchenTicketText,
  printableTicketText,
  TICKET_DATE_TIME,
  ticketDateTime,
  ticketColumns,
  ticketDisplayWidth,
  wrapTicketText,
  type KitchenTicketInput,
  type TicketDocument,
  type TicketTextBlock,
} from './ticket-document.js';

const NY = 'America/New_York';

function makePricedLine(overrides: Partial<PricedLine> = {}): PricedLine {
  return {
    lineId: 'line-1',
    itemId: 'latte',
    name: { en: 'Latte' },
    modifiers: [],
    quantity: 1,
    station: 'bar',
    allergens: ['milk'],
    unitPrice: 475,
    lineTotal: 475,
    discount: 0,
    tax: 0,
    ...overrides,
  };
}

function order(overrides: Partial<KitchenTicketInput> = {}): KitchenTicketInput {
  return {
    station: 'Hot line',
    orderNumber: 42,
    channel: 'app',
    orderType: 'pickup',
    guestName: 'María',
    // 2026-03-07 is winter time in New York (UTC−5): 19:02Z = 14:02, 19:30Z = 14:30.
    placedAt: '2026-03-07T19:02:00Z',
    promisedAt: '2026-03-07T19:30:00Z',
    timeZone: NY,
    lines: [
      {
        quantity: 2,
        name: 'Double Bacon Smokehouse Cheeseburger',
        variantName: 'Large',
        modifiers: ['Extra cheese', 'No onion'],
        note: 'Well done, sauce on the side please',
        allergens: ['milk', 'egg'],
      },
      { quantity: 1, name: 'Café au lait', modifiers: [], allergens: [] },
    ],
    ...overrides,
  };
}

const textBlocks = (doc: TicketDocument): TicketTextBlock[] =>
  doc.blocks.filter((b): b is TicketTextBlock => b.kind === 'text');
const lineWith = (doc: TicketDocument, part: string): TicketTextBlock | undefined =>
  textBlocks(doc).find((b) => b.text.includes(part));

describe('kitchenTicketDocument', () => {
  it('lays out a 32-column ticket the way a cook reads it', () => {
    const doc = kitchenTicketDocument(order({ rush: true, split: { index: 1, count: 2 } }), { width: 32 });
    expect(kitchenTicketText(doc).split('\n')).toEqual([
      '            HOT LINE',
      '================================',
      '      #42',
      '          APP / PICKUP',
      '          GUEST: María',
      '          PICKUP 14:30',
      '  *** RUSH ***',
      '--------------------------------',
      '2x Double Bacon Smokehouse',
      '   Cheeseburger (Large)',
      '   - Extra cheese',
      '   - No onion',
      '   NOTE: Well done, sauce on the',
      '     side please',
      '!! ALLERGY: milk, egg',
      '1x Café au lait',
      '--------------------------------',
      'PLACED 14:02          TICKET 1/2',
    ]);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'cut' });
  });

  it('prints the order number double size and bold, and items double height', () => {
    const doc = kitchenTicketDocument(order(), { width: 48 });
    expect(lineWith(doc, '#42')).toMatchObject({ size: 'double', bold: true, align: 'center' });
    expect(lineWith(doc, '2x Double')).toMatchObject({ size: 'double-height', bold: true, align: 'left' });
    expect(lineWith(doc, '- Extra cheese')).toMatchObject({ size: 'normal', bold: false });
  });

  it('flags allergens on a bold inverted line, once each, and only for items that have them', () => {
    const doc = kitchenTicketDocument(
      order({
        lines: [
          { quantity: 1, name: 'Pancakes', modifiers: [], allergens: ['milk', 'egg', 'Milk', 'gluten'] },
          { quantity: 1, name: 'Orange juice', modifiers: [], allergens: [] },
        ],
      }),
      { width: 32 },
    );
    const allergy = textBlocks(doc).filter((b) => b.text.startsWith('!! ALLERGY'));
    expect(allergy).toEqual([
      { kind: 'text', text: '!! ALLERGY: milk, egg, gluten', align: 'left', size: 'normal', bold: true, invert: true },
    ]);
    const lines = kitchenTicketText(doc).split('\n');
    expect(lines.indexOf('!! ALLERGY: milk, egg, gluten')).toBe(lines.indexOf('1x Pancakes') + 1);
  });

  it('keeps every line of a long allergy list inverted', () => {
    const allergens = ['milk', 'egg', 'peanuts', 'tree nuts', 'sesame', 'soy', 'wheat', 'shellfish'];
    const doc = kitchenTicketDocument(order({ lines: [{ quantity: 1, name: 'Pad thai', modifiers: [], allergens }] }), {
      width: 32,
    });
    const allergy = textBlocks(doc).filter((b) => b.invert);
    expect(allergy.length).toBeGreaterThan(1);
    expect(allergy.every((b) => b.bold)).toBe(true);
    expect(allergy.map((b) => b.text.trim()).join(' ')).toBe(`!! ALLERGY: ${allergens.join(', ')}`);
  });

  it('shows RUSH inverted and double size only on rush orders', () => {
    const rush = kitchenTicketDocument(order({ rush: true }), { width: 32 });
    expect(lineWith(rush, 'RUSH')).toMatchObject({ invert: true, bold: true, size: 'double', align: 'center' });
    const normal = kitchenTicketDocument(order({ rush: false }), { width: 32 });
    expect(lineWith(normal, 'RUSH')).toBeUndefined();
    expect(textBlocks(normal).some((b) => b.invert)).toBe(true); // the allergy line, not a rush banner
  });

  it('shows the promised time in the store time zone, across a daylight-saving change', () => {
    const at = (promisedAt: string, timeZone: string, placedAt = promisedAt): string | undefined =>
      lineWith(kitchenTicketDocument(order({ promisedAt, placedAt, timeZone }), { width: 32 }), 'PICKUP ')?.text;
    expect(at('2026-03-07T19:30:00Z', NY)).toBe('PICKUP 14:30'); // EST, UTC−5
    expect(at('2026-03-09T18:30:00Z', NY)).toBe('PICKUP 14:30'); // EDT, UTC−4, after spring forward
    expect(at('2026-03-07T19:30:00Z', 'Asia/Seoul')).toBe('PICKUP 04:30'); // next day 04:30 KST
    expect(at('2026-03-07T19:30:00Z', 'Europe/London')).toBe('PICKUP 19:30');
  });

  it('adds the date when the promised time is on another day than the order', () => {
    const doc = kitchenTicketDocument(
      order({ placedAt: '2026-03-07T23:00:00Z', promisedAt: '2026-03-08T16:15:00Z' }), // 18:00 → next day 12:15
      { width: 32 },
    );
    expect(lineWith(doc, 'PICKUP ')?.text).toBe('PICKUP 2026-03-08 12:15');
    expect(lineWith(doc, 'PLACED')?.text).toBe('PLACED 18:00');
  });

  it('names the promised time by order type and shows the table for dine-in', () => {
    const doc = kitchenTicketDocument(order({ orderType: 'dine-in', channel: 'counter', table: '12' }), { width: 32 });
    expect(lineWith(doc, 'COUNTER')?.text).toBe('COUNTER / DINE-IN');
    expect(lineWith(doc, 'TABLE')).toMatchObject({ text: 'TABLE 12', size: 'double-height', bold: true });
    expect(lineWith(doc, 'SERVE BY')?.text).toBe('SERVE BY 14:30');
  });

  it('uses the whole width on 48 columns and half of it for double-size text', () => {
    const narrow = kitchenTicketDocument(order(), { width: 32 });
    const wide = kitchenTicketDocument(order(), { width: 48 });
    expect(kitchenTicketText(narrow)).toContain('\n' + '-'.repeat(32) + '\n');
    expect(kitchenTicketText(wide)).toContain('\n' + '-'.repeat(48) + '\n');
    expect(kitchenTicketText(wide)).not.toContain('-'.repeat(49));
    // The name wraps at 32 and fits on one line at 48.
    expect(lineWith(narrow, '2x')?.text).toBe('2x Double Bacon Smokehouse');
    expect(lineWith(wide, '2x')?.text).toBe('2x Double Bacon Smokehouse Cheeseburger (Large)');
    // "#42" is centred in the 16 or 24 double-width cells.
    expect(kitchenTicketText(narrow).split('\n')[2]).toBe(' '.repeat(6) + '#42');
    expect(kitchenTicketText(wide).split('\n')[2]).toBe(' '.repeat(10) + '#42');
    expect(ticketColumns(48, 'double')).toBe(24);
    expect(ticketColumns(48, 'double-height')).toBe(48);
  });

  it('never lets a line run past its width, and loses no words (any widths, any names)', () => {
    const word = fc.stringMatching(/^[A-Za-zé]{1,30}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(32, 42, 48),
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { maxLength: 3 }),
        (width, nameWords, modifiers) => {
          const name = nameWords.join(' ');
          const doc = kitchenTicketDocument(
            order({ lines: [{ quantity: 12, name, modifiers: modifiers.map((m) => m.join(' ')), allergens: [] }] }),
            { width },
          );
          for (const b of textBlocks(doc))
            expect(ticketDisplayWidth(b.text)).toBeLessThanOrEqual(ticketColumns(width, b.size));
          const item = textBlocks(doc).filter((b) => b.size === 'double-height' && /^(12x | {4})/.test(b.text));
          expect(item[0]?.text.startsWith('12x ')).toBe(true);
          // Continuation lines hang under the name; rejoined, the words are all there.
          expect(item.slice(1).every((b) => b.text.startsWith('    ') && b.text[4] !== ' ')).toBe(true);
          expect(
            item
              .map((b) => b.text.trim())
              .join('')
              .replace(/ /g, ''),
          ).toBe(`12x${name}`.replace(/ /g, ''));
        },
      ),
    );
  });

  it('fits the split-ticket footer on one line, or puts the ticket count on its own right-aligned line', () => {
    const doc = kitchenTicketDocument(order({ split: { index: 2, count: 3 } }), { width: 32 });
    expect(kitchenTicketText(doc).split('\n').at(-1)).toBe('PLACED 14:02          TICKET 2/3');
    const labels = { placed: 'PEDIDO REALIZADO A LAS', ticket: 'COMANDA' };
    const long = kitchenTicketDocument(order({ split: { index: 2, count: 3 } }), { width: 32, labels });
    expect(kitchenTicketText(long).split('\n').slice(-2)).toEqual([
      'PEDIDO REALIZADO A LAS 14:02',
      'COMANDA 2/3'.padStart(32),
    ]);
  });

  it('refuses a bad width, time zone, time or quantity with every problem listed', () => {
    const attempt = (): unknown =>
      kitchenTicketDocument(
        order({
          timeZone: 'Mars/Olympus',
          promisedAt: 'soon',
          lines: [{ quantity: 0, name: 'Soup', modifiers: [], allergens: [] }],
        }),
        { width: 10 },
      );
    expect(attempt).toThrow(/cannot be laid out/);
    try {
      attempt();
    } catch (e) {
      expect(isTillboxError(e) && e.code).toBe('validation');
      expect(isTillboxError(e) && e.details.map((d) => d.path)).toEqual([
        'width',
        'timeZone',
        'promisedAt',
        'lines.0.quantity',
      ]);
    }
  });
});

describe('ticket text on paper', () => {
  it('prints names and notes as a printer can show them, on one line each', () => {
    const doc = kitchenTicketDocument(
      order({
        lines: [
          {
            quantity: 1,
            name: 'Chef’s “special”\tburger',
            modifiers: ['  ', 'No\nonion'],
            note: 'Sauce – on the side…',
            allergens: [' milk ', ''],
          },
        ],
      }),
      { width: 48 },
    );
    const lines = kitchenTicketText(doc).split('\n');
    const item = lines.indexOf('1x Chef\'s "special" burger');
    expect(lines.slice(item, item + 4)).toEqual([
      '1x Chef\'s "special" burger',
      '   - No onion',
      '   NOTE: Sauce - on the side...',
      '!! ALLERGY: milk',
    ]);
  });
});

describe('default options', () => {
  const milk = { groupId: 'milk', name: { en: 'Whole milk', es: 'Leche entera' }, price: 0 };
  const latte = makePricedLine({
    name: { en: 'Caffè Latte', es: 'Café con leche' },
    variantName: { en: 'Medium', es: 'Mediano' },
    modifiers: [
      { ...milk, optionId: 'whole', default: true },
      { groupId: 'syrup', optionId: 'vanilla', name: { en: 'Vanilla', es: 'Vainilla' }, price: 60 },
      { groupId: 'sweetness', optionId: 'light', name: { en: 'Lightly sweet' }, price: 0, default: true },
    ],
  });

  it('are not printed: a latte with whole milk (the default) and vanilla prints only "- Vanilla"', () => {
    const doc = kitchenTicketDocument(order({ lines: [kitchenTicketLine(latte)] }), { width: 32 });
    const text = kitchenTicketText(doc);
    expect(text).toContain('1x Caffè Latte (Medium)\n   - Vanilla\n');
    expect(text).not.toContain('Whole milk');
    expect(text).not.toContain('Lightly sweet');
  });

  it('are left out even when a caller hands them to the document itself', () => {
    const line = {
      quantity: 1,
      name: 'Latte',
      modifiers: [{ name: 'Whole milk', default: true }, 'Oat milk'],
      allergens: [],
    };
    const text = kitchenTicketText(kitchenTicketDocument(order({ lines: [line] }), { width: 32 }));
    expect(text).toContain('   - Oat milk');
    expect(text).not.toContain('Whole milk');
  });

  it('a chosen option other than the default is printed, in the kitchen language', () => {
    const oat = makePricedLine({
      modifiers: [{ ...milk, optionId: 'oat', name: { en: 'Oat milk', es: 'Leche de avena' } }],
    });
    expect(kitchenTicketLine(oat, 'es').modifiers).toEqual(['Leche de avena']);
    expect(kitchenTicketLine(latte, 'es')).toMatchObject({
      name: 'Café con leche',
      variantName: 'Mediano',
      modifiers: ['Vainilla'],
    });
    expect(kitchenModifiers(latte.modifiers).map((m) => m.optionId)).toEqual(['vanilla']);
  });
});

describe('ticket text helpers', () => {
  it('folds what a printer cannot show into what it can', () => {
    expect(printableTicketText('“Chef’s” special – hot…')).toBe('"Chef\'s" special - hot...');
    expect(printableTicketText('Cafe\u0301\tau\nlait\u200B ')).toBe('Café au lait');
  });

  it('gives plain ASCII text back as the full folding would: only white space runs and ends change', () => {
    expect(printableTicketText('2x Caffe Latte (Medium)')).toBe('2x Caffe Latte (Medium)');
    expect(printableTicketText(' Oat  milk ')).toBe('Oat milk');
    // Any printable ASCII with spaces, tabs and line breaks: NFC and the typographic folds change
    // nothing in it, so the answer is the text with its white space runs made single and trimmed.
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e\t\n]{0,60}$/), (text) => {
        expect(printableTicketText(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('counts wide characters as two cells and wraps by cells', () => {
    expect(ticketDisplayWidth('김치찌개')).toBe(8);
    expect(ticketDisplayWidth('Café')).toBe(4);
    expect(wrapTicketText('김치찌개 불고기 비빔밥', 10)).toEqual(['김치찌개', '불고기', '비빔밥']);
    expect(wrapTicketText('Supercalifragilistic', 8, 0, 2)).toEqual(['Supercal', '  ifragi', '  listic']);
    // A word too long for any line is broken where it stands, not pushed below a lone "1x".
    expect(wrapTicketText('1x Supercalifragilisticexpialidocious', 16, 0, 3)).toEqual([
      '1x Supercalifrag',
      '   ilisticexpial',
      '   idocious',
    ]);
  });
});

describe('ticketDateTime', () => {
  /** What Intl gives for `at` in `zone`, formatted afresh (no memory of earlier calls). */
  const fresh = (at: Date, zone: string): { date: string; time: string } => {
    const parts = new Intl.DateTimeFormat('en-CA', { ...TICKET_DATE_TIME, timeZone: zone }).formatToParts(at);
    const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
    return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
  };

  it('gives the local date and minute, across minutes, zones, a DST change and a half-hour zone', () => {
    expect(ticketDateTime(new Date('2026-03-08T06:59:59.999Z'), NY)).toEqual({ date: '2026-03-08', time: '01:59' });
    expect(ticketDateTime(new Date('2026-03-08T07:00:00.000Z'), NY)).toEqual({ date: '2026-03-08', time: '03:00' });
    expect(ticketDateTime(new Date('2026-03-08T07:00:30.000Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-03-08',
      time: '12:30',
    });
    expect(ticketDateTime(new Date('2026-03-08T07:00:59.000Z'), NY)).toEqual({ date: '2026-03-08', time: '03:00' });
  });

  it('answers as a fresh formatter would for any sequence of instants and zones', () => {
    const zones = [NY, 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/Berlin', 'UTC'];
    const base = Date.parse('2026-10-25T00:00:00Z');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 * 3600_000 }), fc.constantFrom(...zones)), { maxLength: 30 }),
        (calls) => {
          for (const [offset, zone] of calls) {
            const at = new Date(base + offset);
            expect(ticketDateTime(at, zone)).toEqual(fresh(at, zone));
          }
        },
      ),
    );
  });

  it('gives each caller its own answer to change', () => {
    const at = new Date('2026-05-01T12:00:00Z');
    const first = ticketDateTime(at, NY);
    first.time = 'changed';
    expect(ticketDateTime(at, NY).time).toBe('08:00');
  });
});
