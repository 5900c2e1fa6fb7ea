/**
 * The chain's broker as deployed (Mosquitto: TLS, a certificate per store, the per-store ACL) with
 * two cloud relays on PostgreSQL sharing the work through MQTT 5 shared subscriptions: a store's
 * credential can neither publish nor read another store's topics; every event delivered one to
 * five times, in any order, is applied once; both instances take a share.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRelayPayload, relayTopic, type RelayEvent } from '@tillbox/core';
import type { MqttClient } from 'mqtt';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderLife, shuffled } from '../../cloud-relay/src/testing/store-events.js';
import { REPO } from '../support/edge-process.js';
import { startChain, type Chain } from './support/chain.js';
import { ADMIN_TOKEN } from './support/cloud-relay-process.js';
import { waitFor } from './support/guard.js';
import { connectAs, tlsOptions } from './support/store-client.js';

const A = 'store-a';
const B = 'store-b';

/** A store's log of `orders` kiosk orders, five events each, seq 1… */
function storeLog(storeId: string, orders: number): RelayEvent[] {
  return Array.from({ length: orders }, (_, i) => orderLife(storeId, i * 5 + 1, undefined, i + 1)).flat();
}

describe('the deployed broker with two cloud relays', () => {
  let chain: Chain;
  const clients: MqttClient[] = [];
  const client = async (who: string): Promise<MqttClient> => {
    const c = await connectAs(chain.broker.url, chain.certs, who);
    clients.push(c);
    return c;
  };
  const storeRow = async (id: string) =>
    (await chain.sql`select last_seq, max_seq from stores where id = ${id}`)[0] as
      { last_seq: string; max_seq: string } | undefined;
  const eventCount = async (id: string): Promise<number> =>
    Number((await chain.sql`select count(*) as n from store_events where store_id = ${id}`)[0]?.n);

  beforeAll(async () => {
    chain = await startChain({ name: 'broker', stores: [A, B], relays: 2 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await chain?.stop();
  });

  it("refuses store A's credential on store B's topics, and without a certificate of the chain's CA", async () => {
    const a = await client(A);
    const b = await client(B);
    const seen: { a: string[]; b: string[] } = { a: [], b: [] };
    a.on('message', (topic) => seen.a.push(topic));
    b.on('message', (topic) => seen.b.push(topic));
    // A asks for everything under the tree, B for its own configuration.
    await a.subscribeAsync('tillbox/v1/stores/#', { qos: 1 });
    await b.subscribeAsync(relayTopic(B, 'config/stations'), { qos: 1 });

    // Publishing B's event with A's credential: MQTT 5 answers "not authorized", nothing is stored.
    const [event] = storeLog(B, 1);
    await expect(
      a.publishAsync(relayTopic(B, 'events'), encodeRelayPayload('events', event!), { qos: 1 }),
    ).rejects.toThrow(/Not authorized/);
    // Nor may A write the cloud's topics, even its own (no orders of its own making).
    await expect(a.publishAsync(relayTopic(A, 'orders/in'), '{}', { qos: 1 })).rejects.toThrow(/Not authorized/);

    // The cloud publishes B's configuration: B gets it, A (subscribed to #) does not.
    const res = await fetch(`${chain.relays[0]!.url}/api/v1/admin/stores/${B}/config/stations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ document: { stations: [{ id: 'grill', name: 'Grill' }], defaultStation: 'grill' } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    await waitFor("B's configuration at B", () => seen.b.includes(relayTopic(B, 'config/stations')));
    // A's own topics still reach A: the cloud publishes A's too, and A sees only that one.
    const own = await fetch(`${chain.relays[1]!.url}/api/v1/admin/stores/${A}/config/stations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ document: { stations: [{ id: 'bar', name: 'Bar' }], defaultStation: 'bar' } }),
    });
    expect(own.status).toBe(201);
    await waitFor("A's configuration at A", () => seen.a.includes(relayTopic(A, 'config/stations')));
    expect(seen.a.filter((t) => !t.startsWith(`tillbox/v1/stores/${A}/`))).toEqual([]);
    expect(await eventCount(B)).toBe(0);

    // No client certificate, or one from another CA: the TLS handshake is refused.
    await expect(
      mqtt.connectAsync(chain.broker.url, {
        ...tlsOptions(chain.certs, undefined),
        protocolVersion: 5,
        reconnectPeriod: 0,
        connectTimeout: 5_000,
      }),
    ).rejects.toThrow(/certificate/i);
    const strangers = mkdtempSync(join(chain.root, 'other-ca-'));
    execFileSync('bash', [join(REPO, 'deploy/cloud/make-certs.sh'), strangers, A], { stdio: 'ignore' });
    await expect(
      mqtt.connectAsync(chain.broker.url, {
        ...tlsOptions(
          { ...chain.certs },
          { cert: join(strangers, 'stores', `${A}.crt`), key: join(strangers, 'stores', `${A}.key`) },
        ),
        protocolVersion: 5,
        reconnectPeriod: 0,
        connectTimeout: 5_000,
      }),
    ).rejects.toThrow(/certificate|unknown ca|alert/i);
  });

  it('applies every event once when each is delivered 1–5 times in any order, the two instances sharing the work', async () => {
    const before = await Promise.all(chain.relays.map((r) => r.health()));
    const logs = { [A]: storeLog(A, 120), [B]: storeLog(B, 120) };
    // Each event 1–5 times (a fixed pattern over seq), the deliveries of each store shuffled.
    const deliveries = Object.fromEntries(
      Object.entries(logs).map(([store, events], s) => [
        store,
        shuffled(
          events.flatMap((e) => Array.from({ length: 1 + ((e.seq * 7 + s) % 5) }, () => e)),
          11 + s,
        ),
      ]),
    );
    const sent = Object.values(deliveries).reduce((n, d) => n + d.length, 0);
    await Promise.all(
      Object.entries(deliveries).map(async ([store, list]) => {
        const c = await client(store);
        const topic = relayTopic(store, 'events');
        for (let i = 0; i < list.length; i += 200)
          await Promise.all(
            list.slice(i, i + 200).map((e) => c.publishAsync(topic, encodeRelayPayload('events', e), { qos: 1 })),
          );
      }),
    );

    for (const [store, events] of Object.entries(logs)) {
      await waitFor(`${store} caught up`, async () => Number((await storeRow(store))?.last_seq) === events.length);
      const rows = await chain.sql<{ seq: string; id: string }[]>`
        select seq, id from store_events where store_id = ${store} order by seq`;
      expect(rows.map((r) => [Number(r.seq), r.id])).toEqual(events.map((e) => [e.seq, e.id]));
      expect(Number((await storeRow(store))?.max_seq)).toBe(events.length);
      const orders = await chain.sql`select status from chain_orders where store_id = ${store}`;
      expect(orders).toHaveLength(events.length / 5);
      expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['picked_up']));
    }
    // Every delivery reached exactly one instance; both took some; each event was written once.
    const after = await Promise.all(chain.relays.map((r) => r.health()));
    const received = after.map((h, i) => h.ingest.received - before[i]!.ingest.received);
    const inserted = after.map((h, i) => h.ingest.inserted - before[i]!.ingest.inserted);
    expect(received.reduce((x, y) => x + y)).toBe(sent);
    expect(inserted.reduce((x, y) => x + y)).toBe(logs[A]!.length + logs[B]!.length);
    for (const n of received) expect(n).toBeGreaterThan(sent / 10);
  });
});
