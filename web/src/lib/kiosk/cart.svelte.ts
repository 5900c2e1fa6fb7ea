/** The kiosk cart: cart lines as the API takes them, merged when a guest adds the same thing twice. */
import type { CartLine } from '@tillbox/core';
import { MAX_QUANTITY, lineKey } from './item-selection.js';

export interface CartEntry {
  key: string;
  line: CartLine;
}

export class Cart {
  entries = $state<CartEntry[]>([]);

  readonly lines: CartLine[] = $derived(this.entries.map((e) => e.line));
  readonly count: number = $derived(this.entries.reduce((n, e) => n + e.line.quantity, 0));

  add(line: CartLine): void {
    const key = lineKey(line);
    const existing = this.entries.find((e) => e.key === key);
    if (existing) {
      existing.line.quantity = Math.min(MAX_QUANTITY, existing.line.quantity + line.quantity);
    } else {
      this.entries.push({ key, line: { ...line, modifiers: [...line.modifiers] } });
    }
  }

  setQuantity(key: string, quantity: number): void {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return;
    if (quantity < 1) this.remove(key);
    else entry.line.quantity = Math.min(MAX_QUANTITY, quantity);
  }

  remove(key: string): void {
    this.entries = this.entries.filter((e) => e.key !== key);
  }

  clear(): void {
    this.entries = [];
  }
}
