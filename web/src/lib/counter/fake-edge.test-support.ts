/**
 * An edge for the counter ticket's tests, with the rules the counter relies on: one order per id,
 * each line priced at 100 per unit plus its order's base, tenders up to what is due (of the order
 * or of a part: cash gives change only on the cash that pays the rest), new lines only while
 * nothing is paid, open tickets held and recalled, bills split evenly or by lines (the core's
 * splitParts), a manager for big discounts.
 */
import { allocate, type OrderView, type PlaceOrderInput, type SplitBody } from '@tillbox/core';
import { ApiError } from '$lib/api.js';
import { Checkout } from '$lib/sale/checkout.svelte.js';
import { makeLine, makeOrder } from '$lib/testing/orders.js';
import type { CounterCalls, TenderBody } from './counter-api.js';

const conflict = (message: string): ApiError => new ApiError('rejected', message, { status: 409, code: 'conflict' });
const invalid = (message: string): ApiError => new ApiError('rejected', message, { status: 400, code: 'validation' });

type Line = OrderView['lines'][number];

export function fakeEdge(counterFires: 'at-once' | 'on-payment' = 'at-once', base = 793) {
  const placed: PlaceOrderInput[] = [];
  const fired: string[] = [];
  const paid: TenderBody[] = [];
  const added: string[][] = [];
  let order: OrderView | undefined;
  let plan: SplitBody = { kind: 'none' };
  let payFailures: ApiError[] = [];
  let payments = 0;
  const must = (): OrderView => {
    if (!order) throw new Error('no order');
    return order;
  };
  const line = (l: {
    lineId?: string | undefined;
    itemId: string;
    quantity: number;
    note?: string | undefined;
  }): Line =>
    makeLine({
      lineId: l.lineId ?? 'x',
      itemId: l.itemId,
      quantity: l.quantity,
      total: 100 * l.quantity,
      ...(l.note ? { note: l.note } : {}),
    });
  /** The order with its totals, due and parts worked out from its lines and payments. */
  const settle = (o: OrderView): OrderView => {
    const total = base + o.lines.reduce((s, l) => s + (l.total ?? 0), 0);
    const taken = o.payments.reduce((s, p) => s + p.amount, 0);
    const due = Math.max(0, total - taken);
    const next: OrderView = {
      ...o,
      totals: { ...o.totals, subtotal: total, total },
      due,
      payment: taken === 0 ? 'unpaid' : due === 0 ? 'paid' : 'partially-paid',
    };
    if (plan.kind === 'none') {
      delete next.split;
      return next;
    }
    const amounts =
      plan.kind === 'even'
        ? allocate(total, new Array<number>(plan.count).fill(1))
        : plan.parts.map((ids) => ids.reduce((s, id) => s + (o.lines.find((l) => l.lineId === id)?.total ?? 0), 0));
    next.split = {
      kind: plan.kind,
      parts: amounts.map((amount, i) => {
        const partPaid = o.payments.filter((p) => p.part === i + 1).reduce((s, p) => s + p.amount, 0);
        return { part: i + 1, amount, paid: partPaid, due: Math.max(0, amount - partPaid) };
      }),
    };
    return next;
  };
  const post = (body: PlaceOrderInput): Promise<OrderView> => {
    placed.push(body);
    const firesNow = counterFires === 'at-once' && body.fire !== 'on-payment';
    order = settle(
      makeOrder({
        id: body.id,
        number: 7,
        payment: 'unpaid',
        channel: 'counter',
        status: firesNow ? 'in_kitchen' : 'placed',
        ...(firesNow ? { firedAt: '2025-01-01T12:00:00.000Z' } : {}),
        lines: body.lines.map(line),
        totals: { currency: 'USD', subtotal: 0, discount: 0, tax: 0, total: 0 },
      }),
    );
    return Promise.resolve(order);
  };
  const take = (body: TenderBody): OrderView => {
    const o = must();
    const part = o.split?.parts.find((p) => p.part === body.part);
    if (o.split && !part) throw invalid('name the part this pays');
    const due = part ? part.due : (o.due ?? 0);
    let amount: number;
    let cash: { tendered: number; change: number } | undefined;
    if (body.method === 'cash') {
      amount = Math.min(body.tendered, due);
      cash = { tendered: body.tendered, change: body.tendered - amount };
    } else {
      amount = body.amount ?? due;
      if (amount > due) throw invalid(`a ${body.method} payment of ${amount} is more than the ${due} due`);
    }
    const tip = body.method === 'card' ? (body.tipPrompt ? 150 : body.tip) : undefined;
    payments += 1;
    const payment = {
      id: `p${payments}`,
      method: body.method,
      amount,
      at: '',
      ...(cash ?? {}),
      ...(tip ? { tip } : {}),
      ...(body.part === undefined ? {} : { part: body.part }),
      ...(body.method === 'card' ? { cardLast4: '4242' } : {}),
      ...(body.method === 'external' ? { reference: body.reference } : {}),
    };
    return settle({ ...o, payments: [...o.payments, payment], tipTotal: (o.tipTotal ?? 0) + (tip ?? 0) });
  };
  const calls: CounterCalls = {
    get: () => Promise.resolve(must()),
    fire: (id) => {
      fired.push(id);
      order = { ...must(), status: 'in_kitchen', firedAt: '2025-01-01T12:01:00.000Z' };
      return Promise.resolve(order);
    },
    cancel: () => Promise.reject(conflict('order 7 is in the kitchen')),
    pay: (_id, body) => {
      const failure = payFailures.shift();
      paid.push(body);
      try {
        // The edge takes it even when the answer is lost on the way back.
        order = take(body);
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      return failure ? Promise.reject(failure) : Promise.resolve(order);
    },
    discount: (_id, body) => {
      if (body.kind === 'percent' && (body.value ?? 0) > 200_000 && !body.override)
        return Promise.reject(
          new ApiError('rejected', "A discount past the limit: it needs a manager's approval", {
            status: 403,
            code: 'forbidden',
            details: [{ path: 'override', message: "a manager's staff id and PIN" }],
          }),
        );
      base -= 100;
      order = settle(must());
      return Promise.resolve(order);
    },
    overridePrice: () => Promise.resolve(must()),
    addLines: (_id, body) => {
      if (must().payment !== 'unpaid') return Promise.reject(conflict('order 7 is partially-paid'));
      added.push(body.lines.map((l) => l.lineId));
      order = settle({ ...must(), lines: [...must().lines, ...body.lines.map(line)] });
      return Promise.resolve(order);
    },
    hold: () => {
      order = { ...must(), heldAt: '2025-01-01T12:05:00.000Z', owner: { staffId: 'casey', name: 'Casey' } };
      return Promise.resolve(order);
    },
    resume: () => {
      const { heldAt: _held, ...rest } = must();
      order = rest;
      return Promise.resolve(order);
    },
    split: (_id, body) => {
      if (must().payment !== 'unpaid') return Promise.reject(conflict('order 7 already has payments'));
      plan = body;
      order = settle(must());
      return Promise.resolve(order);
    },
  };
  return {
    calls,
    checkout: new Checkout('counter', post),
    placed,
    fired,
    paid,
    added,
    order: () => order,
    failNextPay: (e: ApiError) => (payFailures = [e]),
  };
}
