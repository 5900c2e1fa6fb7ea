import { describe, expect, it } from 'vitest';
import { fold, gridTabs, searchMenu } from './grid.js';
import { counterSections } from './test-menu.test-support.js';

const ids = (entries: readonly { item: { id: string } }[]): string[] => entries.map((e) => e.item.id);

describe('the counter grid', () => {
  it('shows the favourites first, then every category in catalog order, items in their catalog places', () => {
    const tabs = gridTabs(counterSections, 'en');
    expect(tabs.map((t) => t.name)).toEqual(['Favourites', 'Coffee', 'Bakery', 'Retail', 'Combos']);
    expect(ids(tabs[0]!.entries)).toEqual(['latte', 'croissant']);
    // A sold-out muffin keeps its place (greyed on screen), so nothing shifts under a finger.
    expect(ids(tabs[2]!.entries)).toEqual(['croissant', 'muffin']);
    expect(tabs[2]!.entries[1]!.soldOut).toBe(true);
  });

  it('has no Favourites tab when the catalog marks none', () => {
    const plain = counterSections.map((s) => ({
      ...s,
      entries: s.entries.map((e) => ({ ...e, item: { ...e.item, tags: [] } })),
    }));
    expect(gridTabs(plain, 'en').map((t) => t.id)).toEqual(['coffee', 'bakery', 'retail', 'combos']);
  });

  it('names the tabs in the screen’s language', () => {
    expect(gridTabs(counterSections, 'es')[1]!.name).toBe('Café');
  });
});

describe('search as you type', () => {
  it('finds items by the start of any word, accents or not, names starting with the query first', () => {
    expect(ids(searchMenu(counterSections, 'lat', 'en'))).toEqual(['latte', 'iced-latte']);
    expect(ids(searchMenu(counterSections, 'caffe', 'en'))).toEqual(['latte']);
    expect(ids(searchMenu(counterSections, 'iced lat', 'en'))).toEqual(['iced-latte']);
    expect(ids(searchMenu(counterSections, 'ic', 'en'))).toEqual(['iced-latte']);
  });

  it('finds by SKU and by the English name on a screen in another language', () => {
    expect(ids(searchMenu(counterSections, 'bak-cro', 'en'))).toEqual(['croissant']);
    expect(ids(searchMenu(counterSections, 'con leche', 'es'))).toEqual(['latte']);
    expect(ids(searchMenu(counterSections, 'latte', 'es'))).toEqual(['latte', 'iced-latte']);
  });

  it('finds nothing for a blank query or a word no item has, and each item once', () => {
    expect(searchMenu(counterSections, '   ', 'en')).toEqual([]);
    expect(searchMenu(counterSections, 'pizza', 'en')).toEqual([]);
    expect(ids(searchMenu(counterSections, 'croissant', 'en'))).toEqual(['croissant', 'pair']);
    expect(fold('Caffè LATTE')).toBe('caffe latte');
  });
});
