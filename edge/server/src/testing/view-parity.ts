/**
 * Test support: the stream shows each committed order as its decision left it
 * ({@link viewsAfter}) instead of reading it back, and the order repository builds the views of
 * recently saved orders from the state it kept once their save committed. Every batch a test store
 * commits is checked here, both ways, against the orders read back from the database right after
 * the commit (by a repository of its own, which keeps nothing), as the screens get them (JSON); a
 * difference is kept and fails the test when its store closes.
 */
import { isDeepStrictEqual } from 'node:util';
import { topicOf, type StoreEvent } from '@tillbox/core';
import { ABOUT_ORDERS } from '../api/stream-hub.js';
import type { Db } from '../db/database.js';
import { viewsAfter } from '../orders/order-aggregate.js';
import { OrderRepository } from '../orders/order-repository.js';

const asSent = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export class ViewParity {
  readonly #differences: string[] = [];
  /** Reads every order from the database: it saves nothing, so it keeps nothing. */
  readonly #reader: OrderRepository;

  /** `repository` is the store's own (the one its commands save through), on `db`. */
  constructor(
    private readonly repository: OrderRepository,
    db: Db,
  ) {
    this.#reader = new OrderRepository(db);
  }

  /** Compare a committed batch's views, as the stream and the repository build them, with the orders read back now. */
  check(batch: readonly StoreEvent[]): void {
    const ids = [...new Set(batch.filter((e) => ABOUT_ORDERS.has(topicOf(e.type))).map((e) => e.subject))];
    if (ids.length === 0) return;
    const stored = this.#reader.views(ids);
    const ways = { stream: viewsAfter(this.#reader, ids, batch), repository: this.repository.views(ids) };
    for (const [way, shown] of Object.entries(ways)) {
      for (const id of ids) {
        const a = asSent(shown.get(id));
        const b = asSent(stored.get(id));
        if (!isDeepStrictEqual(a, b))
          this.#differences.push(
            `order ${id} after seq ${batch.at(-1)?.seq}, by the ${way}:\n  shown  ${JSON.stringify(a)}\n  stored ${JSON.stringify(b)}`,
          );
      }
    }
  }

  /** Throws when a batch's views differed from the orders read back. */
  assertSame(): void {
    if (this.#differences.length > 0)
      throw new Error(
        `the stream or the order repository showed ${this.#differences.length} order view(s) other than stored:\n${this.#differences.slice(0, 3).join('\n')}`,
      );
  }
}
