/**
 * Test support: the stream shows each committed order as its decision left it
 * ({@link viewsAfter}) instead of reading it back. Every batch a test store commits is checked
 * here against the orders read back right after the commit, as the screens get them (JSON); a
 * difference is kept and fails the test when its store closes.
 */
import { isDeepStrictEqual } from 'node:util';
import { topicOf, type StoreEvent } from '@tillbox/core';
import { ABOUT_ORDERS } from '../api/stream-hub.js';
import { viewsAfter } from '../orders/order-aggregate.js';
import type { OrderRepository } from '../orders/order-repository.js';

const asSent = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export class ViewParity {
  readonly #differences: string[] = [];

  constructor(private readonly repository: OrderRepository) {}

  /** Compare a committed batch's views, as the stream builds them, with the orders read back now. */
  check(batch: readonly StoreEvent[]): void {
    const ids = [...new Set(batch.filter((e) => ABOUT_ORDERS.has(topicOf(e.type))).map((e) => e.subject))];
    if (ids.length === 0) return;
    const shown = viewsAfter(this.repository, ids, batch);
    const stored = this.repository.views(ids);
    for (const id of ids) {
      const a = asSent(shown.get(id));
      const b = asSent(stored.get(id));
      if (!isDeepStrictEqual(a, b))
        this.#differences.push(
          `order ${id} after seq ${batch.at(-1)?.seq}:\n  shown  ${JSON.stringify(a)}\n  stored ${JSON.stringify(b)}`,
        );
    }
  }

  /** Throws when a batch's views differed from the orders read back. */
  assertSame(): void {
    if (this.#differences.length > 0)
      throw new Error(
        `the stream showed ${this.#differences.length} order(s) other than stored:\n${this.#differences.slice(0, 3).join('\n')}`,
      );
  }
}
