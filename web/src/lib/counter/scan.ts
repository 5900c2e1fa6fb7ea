/**
 * What a scanned code puts on the ticket: the core checks the code (EAN-13, UPC-A, EAN-8 with
 * their check digits) and finds its item and size in the catalog (`lookupBarcode`, the engine's
 * barcode index). An item that needs choices the catalog does not default opens its sheet; a
 * code that is wrong, unknown, or for something not sold now says so and changes nothing.
 *
 * Pure: no Svelte, no DOM.
 */
import { checkBarcode, localize, lookupBarcode, type CommerceItem } from '@tillbox/core';
import type { NewLine } from '$lib/sale/cart.js';
import { itemState, momentAt, type Menu } from '$lib/sale/menu.js';
import { initialSelection, isComplete, toCartLine, withSize, type Selection } from '$lib/sale/selection.js';

export type ScanOutcome =
  /** Ready to add as it is. */
  | { readonly kind: 'line'; readonly line: NewLine; readonly name: string }
  /** The item needs a choice first (a combo, a required option without a default): open its sheet. */
  | { readonly kind: 'choose'; readonly item: CommerceItem; readonly selection: Selection; readonly name: string }
  /** Nothing was added: why, in words for the cashier. */
  | { readonly kind: 'refused'; readonly message: string };

export function scannedLine(menu: Menu, code: string, at: number, lang: string): ScanOutcome {
  const check = checkBarcode(code);
  if (!check.ok)
    return { kind: 'refused', message: `Not a barcode this till reads: ${check.problem}. Nothing was added.` };
  const found = lookupBarcode(menu.engine, code);
  const item = found && menu.engine.items.get(found.itemId);
  if (!found || !item) return { kind: 'refused', message: `No item has barcode ${code}. Nothing was added.` };
  const name = localize(item.name, lang);
  const moment = momentAt(menu, at);
  const state = itemState(menu, item, moment);
  if (state === 'sold-out') return { kind: 'refused', message: `${name} is sold out. Nothing was added.` };
  if (state === 'hidden') return { kind: 'refused', message: `${name} is not sold now. Nothing was added.` };
  let selection = initialSelection(menu, item);
  if (found.variantId !== undefined) selection = withSize(selection, found.variantId);
  if (!isComplete(menu, item, selection, moment)) return { kind: 'choose', item, selection, name };
  return { kind: 'line', line: toCartLine(menu, item, selection), name };
}
