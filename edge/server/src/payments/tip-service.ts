/**
 * Tips: cash tips declared by staff (decided by the core, stored with a `tips.declared` event in
 * one transaction) and the tips-by-staff report of a business day — card tips on the payments
 * each took, and the cash tips they declared. Tips are not sales.
 */
import {
  businessDay,
  decideTipDeclaration,
  uuidv7,
  type CommandContext,
  type DeclareTipsBody,
  type TipDeclaration,
  type TipsReport,
} from '@tillbox/core';
import type { EventLog } from '../events/event-log.js';
import type { TipRepository } from './tip-repository.js';

export interface TipServiceContext {
  events: EventLog;
  repository: TipRepository;
  store: { timeZone: string; businessDayStartHour: number };
  /** The business day of a moment: after a Z report, the day after the closed one (the clock's day by default). */
  businessDay?: (at: number) => string;
  /** The store's currency (the pricing engine's). */
  currency: () => string;
  now?: () => number;
}

export class TipService {
  private readonly now: () => number;

  constructor(private readonly ctx: TipServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  private today(at: number): string {
    return this.ctx.businessDay?.(at) ?? businessDay(at, this.ctx.store.timeZone, this.ctx.store.businessDayStartHour);
  }

  /** Cash tips a staff member declares (their own; a shift lead or above for someone else). */
  declare(cmd: CommandContext, body: DeclareTipsBody): TipDeclaration {
    const at = this.now();
    const event = decideTipDeclaration(cmd, body, {
      declarationId: uuidv7(at),
      currency: this.ctx.currency(),
      businessDay: this.today(at),
    });
    const d = event.data;
    this.ctx.events.transact(cmd, (tx, append) => {
      this.ctx.repository.insert(tx, {
        id: d.declarationId,
        staffId: d.staffId,
        amount: d.amount,
        currency: d.currency,
        businessDay: d.businessDay,
        actor: cmd.actor,
        device: cmd.device,
        at,
      });
      append({ ...event, subject: d.staffId, at });
    });
    const { declarationId: id, staffId, amount, currency } = d;
    return { id, staffId, amount, currency, businessDay: d.businessDay, at: new Date(at).toISOString() };
  }

  /** Tips by staff on a business day (today's by default), with their names where known. */
  report(day: string | undefined, names: ReadonlyMap<string, string>): TipsReport {
    const businessDay = day ?? this.today(this.now());
    const byStaff = new Map<string, { card: number; declared: number }>();
    const entry = (id: string) => {
      let e = byStaff.get(id);
      if (!e) byStaff.set(id, (e = { card: 0, declared: 0 }));
      return e;
    };
    for (const r of this.ctx.repository.cardTipsByStaff(businessDay)) entry(r.staffId).card += r.tips;
    for (const r of this.ctx.repository.declared(businessDay)) entry(r.staffId).declared += r.amount;
    const staff = [...byStaff.entries()]
      .map(([staffId, e]) => {
        const name = names.get(staffId);
        return { staffId, ...(name ? { name } : {}), card: e.card, declared: e.declared, total: e.card + e.declared };
      })
      .sort((a, b) => (a.name ?? a.staffId).localeCompare(b.name ?? b.staffId));
    return {
      businessDay,
      currency: this.ctx.currency(),
      staff,
      total: staff.reduce((s, x) => s + x.total, 0),
    };
  }
}
