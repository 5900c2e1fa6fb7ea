/** Driving a store box over its HTTP API as its screens do: counter orders, the relay's status. */
import type { OrderView, RelayStatus } from '@tillbox/core';
import { latteOrder } from '../../../edge/server/src/testing/order-factory.js';
import type { Headers } from '../../support/credentials.js';

/** `count` counter orders from `screens` screens at once; every one must be acknowledged (201). */
export async function placeCounterOrders(
  url: string,
  headers: Headers,
  count: number,
  screens = 8,
): Promise<OrderView[]> {
  const placed: OrderView[] = [];
  let started = 0;
  const screen = async (): Promise<void> => {
    while (started < count) {
      started++;
      const res = await fetch(`${url}/api/v1/orders`, { method: 'POST', headers, body: JSON.stringify(latteOrder()) });
      if (res.status !== 201) throw new Error(`an order answered ${res.status}: ${await res.text()}`);
      placed.push((await res.json()) as OrderView);
    }
  };
  await Promise.all(Array.from({ length: screens }, screen));
  return placed.sort((a, b) => a.number - b.number);
}

/** The relay's status as the admin sees it (`GET /api/v1/relay`). */
export async function relayStatus(url: string, adminHeaders: Headers): Promise<RelayStatus> {
  const res = await fetch(`${url}/api/v1/relay`, { headers: adminHeaders });
  if (!res.ok) throw new Error(`GET /api/v1/relay answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as RelayStatus;
}
