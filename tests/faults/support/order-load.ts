/**
 * Order load against an edge over HTTP, as busy screens make it: several screens place orders
 * back to back, each with its own client-made id. An order is *acknowledged* when the edge
 * answered 201 (or 200, the same id again) with the order; one whose request was cut off by a
 * fault is *in flight*: its outcome is unknown until it is sent again with the same id.
 */
import type { OrderView, PlaceOrderInput } from '@tillbox/core';
import { latteOrder } from '../../../edge/server/src/testing/order-factory.js';

export interface Acknowledged {
  id: string;
  number: number;
  total: number;
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Sent, but the answer never came (the edge died meanwhile). */
  inFlight: PlaceOrderInput[];
  /** Answers with a 5xx status. */
  fiveXx: number;
  /** Other refusals (4xx): none are expected. */
  refused: { status: number; body: string }[];
}

/** Place one order; `undefined` when the connection failed. */
export async function placeOrder(
  url: string,
  headers: Record<string, string>,
  body: PlaceOrderInput,
): Promise<{ status: number; order?: OrderView; text: string } | undefined> {
  try {
    const res = await fetch(`${url}/api/v1/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status === 200 || res.status === 201)
      return { status: res.status, order: JSON.parse(text) as OrderView, text };
    return { status: res.status, text };
  } catch {
    return undefined;
  }
}

/**
 * Run `screens` concurrent screens until `stop()` resolves or a connection fails (the edge is
 * gone); each screen then stops too, leaving its unanswered order in flight.
 */
export async function orderLoad(
  url: string,
  headers: Record<string, string>,
  options: { screens: number; stop: Promise<void> },
): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: [], inFlight: [], fiveXx: 0, refused: [] };
  let stopped = false;
  void options.stop.then(() => {
    stopped = true;
  });
  const screen = async (): Promise<void> => {
    while (!stopped) {
      const body = latteOrder();
      const answer = await placeOrder(url, headers, body);
      if (answer === undefined) {
        result.inFlight.push(body);
        return;
      }
      if (answer.order) {
        result.acknowledged.push({
          id: answer.order.id,
          number: answer.order.number,
          total: answer.order.totals.total,
        });
      } else if (answer.status >= 500) {
        result.fiveXx += 1;
      } else {
        result.refused.push({ status: answer.status, body: answer.text.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.screens }, () => screen()));
  return result;
}
