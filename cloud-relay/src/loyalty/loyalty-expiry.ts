/**
 * Points expiry: a member who has neither earned nor spent points at any store for
 * `loyalty.expiryMonths` months loses their whole balance — the common rule of coffee-chain
 * programmes ("points expire after N months of inactivity"), kinder than expiring each point N
 * months after it was earned, since any visit keeps everything. The last activity is the latest
 * accrual or redemption in the member's ledger (by when it happened at the store), or the
 * account's opening when there is none; an adjustment by a manager is not activity.
 *
 * A job on every instance looks every `loyalty.expiryCheckMinutes` and writes one `expiry` entry
 * per member and quiet spell, keyed `expiry:{memberId}:{last activity}`, under the member's lock
 * (the merge's): however often and on however many instances it runs, a spell is expired once,
 * and a member who comes back and goes quiet again is expired again for the new spell. An
 * activity that reaches the cloud after the expiry (a store offline for long) does not undo it:
 * a manager adjusts, as for any late entry. The entry is in the member's ledger
 * (`GET /admin/loyalty/accounts/:memberId`) with its reason.
 */
import type { Logger } from 'pino';
import type { LoyaltyRepository } from './loyalty-repository.js';

export interface ExpiryRun {
  /** Members whose balance expired in this run. */
  expired: { memberId: string; points: number }[];
  /** The last activity before which members expire. */
  cutoff: string;
}

/** Members looked at per query. */
const PAGE = 500;

/** `months` calendar months before `now` (UTC; the 31st of a short month is its last day). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export class LoyaltyExpiry {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;

  constructor(
    private readonly ctx: {
      repository: LoyaltyRepository;
      /** 0: points never expire (the job does nothing). */
      months: number;
      checkMinutes: number;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  get enabled(): boolean {
    return this.ctx.months > 0;
  }

  start(): void {
    if (!this.enabled || this.#timer) return;
    const tick = (): void => {
      if (this.#running) return;
      this.#running = this.run()
        .catch((err: unknown) => this.ctx.log.error({ err }, 'the points expiry job failed; it runs again later'))
        .finally(() => (this.#running = undefined));
    };
    this.#timer = setInterval(tick, this.ctx.checkMinutes * 60_000);
    this.#timer.unref();
    setImmediate(tick);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One pass: every member inactive since before the cutoff loses their balance (once). */
  async run(): Promise<ExpiryRun> {
    const now = (this.ctx.now ?? (() => new Date()))();
    const cutoff = monthsBefore(now, this.ctx.months);
    const out: ExpiryRun = { expired: [], cutoff: cutoff.toISOString() };
    if (!this.enabled) return out;
    const months = this.ctx.months;
    const reason = (points: number, lastActive: Date): string =>
      `${points} points expired: no points earned or spent since ${lastActive.toISOString().slice(0, 10)} ` +
      `(points expire after ${months} month${months === 1 ? '' : 's'} without activity)`;
    let after = '';
    for (;;) {
      const page = await this.ctx.repository.inactiveSince(cutoff, PAGE, after);
      for (const m of page) {
        const entry = await this.ctx.repository.expire(m.memberId, cutoff, reason, now);
        if (entry) out.expired.push({ memberId: m.memberId, points: -entry.points });
      }
      if (page.length < PAGE) break;
      after = page.at(-1)?.memberId ?? '';
    }
    if (out.expired.length > 0)
      this.ctx.log.info(
        { members: out.expired.length, points: out.expired.reduce((s, e) => s + e.points, 0) },
        'loyalty points expired',
      );
    return out;
  }
}
