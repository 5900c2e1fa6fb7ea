/**
 * Orders nobody will come back for. Kiosk orders a guest walked away from — placed, never paid —
 * are cancelled after `orders.unpaidKioskExpiryMinutes` (the core's `expire` command:
 * `order.cancelled`, reason "expired: …"), so they leave the screens instead of piling up. App
 * and online orders nobody picked up `orders.unpickedExpiryMinutes` after they were due are ended
 * (the core's `expire-unpicked`: cancelled, voided, or refunded to the app's tender when paid), so
 * the stock reserved for them goes back on the shelf in the same transaction. A small scheduler
 * (`start()`/`stop()`) looks for them; it works in batches, one transaction each, with a turn of
 * the event loop between them.
 */
import { decideOrder, SYSTEM_CONTEXT, TillboxError, type OrderCommand } from '@tillbox/core';
import type { OrderAggregate } from './order-aggregate.js';
import type { OrderRepository } from './order-repository.js';

export interface OrderExpiryContext {
  orders: OrderAggregate;
  /** 0: unpaid kiosk orders never expire. */
  unpaidKioskExpiryMinutes: number;
  /** 0 (or absent): app and online orders nobody picked up are never ended by the edge. */
  unpickedExpiryMinutes?: number;
  now: () => number;
  /** How often to look (ms). */
  intervalMs?: number;
  /** Orders per transaction. */
  batch?: number;
  onError?: (err: unknown) => void;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class OrderExpiry {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly ctx: OrderExpiryContext) {}

  start(): void {
    if (this.ctx.unpaidKioskExpiryMinutes <= 0 && (this.ctx.unpickedExpiryMinutes ?? 0) <= 0) return;
    this.stopped = false;
    void this.run();
    this.timer = setInterval(() => void this.run(), this.ctx.intervalMs ?? 60_000);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass from now (after the one under way, if any): answers how many orders it expired. */
  run(): Promise<number> {
    if (this.running) return this.running.then(() => this.run());
    const run = this.expireDue()
      .catch((err: unknown) => {
        if (!this.stopped) this.ctx.onError?.(err);
        return 0;
      })
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }

  /** Expire every unpaid kiosk order, then every unpicked app or online order, past its setting. */
  private async expireDue(): Promise<number> {
    const { unpaidKioskExpiryMinutes: unpaid, unpickedExpiryMinutes: unpicked = 0 } = this.ctx;
    let expired = 0;
    if (unpaid > 0)
      expired += await this.expireAll(
        (repo, at, batch, after) => repo.unpaidKioskBefore(at - unpaid * 60_000, batch, after),
        { kind: 'expire', unpaidForMinutes: unpaid },
      );
    if (unpicked > 0)
      expired += await this.expireAll(
        (repo, at, batch, after) => repo.unpickedInboundBefore(at - unpicked * 60_000, batch, after),
        { kind: 'expire-unpicked', minutes: unpicked },
      );
    return expired;
  }

  /** The orders a query finds, batch by batch, each decided by `command` as the system. */
  private async expireAll(
    find: (repo: OrderRepository, at: number, batch: number, after?: { placedAt: number; id: string }) => Due[],
    command: OrderCommand,
  ): Promise<number> {
    const { orders, now } = this.ctx;
    const batch = this.ctx.batch ?? 200;
    let expired = 0;
    let after: Due | undefined;
    for (;;) {
      if (this.stopped) break;
      const at = now();
      const due = find(orders.repository, at, batch, after);
      if (due.length === 0) break;
      after = due.at(-1);
      expired += orders.transact(SYSTEM_CONTEXT, (tx, append) => {
        let n = 0;
        for (const { id } of due) {
          const before = orders.load({ orderId: id }); // with its card payment under way, if any
          let decision;
          try {
            decision = decideOrder(before, command, orders.env(SYSTEM_CONTEXT, at));
          } catch (err) {
            // Paid, being paid, or changed since it was found: it stays.
            if (err instanceof TillboxError && err.code === 'conflict') continue;
            throw err;
          }
          orders.apply(tx, append, before, decision, at);
          n += 1;
        }
        return n;
      });
      if (due.length < batch) break;
      await turn();
    }
    return expired;
  }
}

type Due = { placedAt: number; id: string };
