/**
 * The built edge relaying its log to the deployed broker (TLS, its store certificate) and two
 * cloud relays on PostgreSQL: the store keeps selling through a broker outage and the cloud gets
 * every order once, in the store's order, when it returns; an edge killed mid-drain loses and
 * doubles nothing.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHeaders, type Headers } from '../support/credentials.js';
import type { EdgeProcess } from '../support/edge-process.js';
import { DEMO_STORE, startChain, type Chain } from './support/chain.js';
import { waitFor } from './support/guard.js';
import { cloudHead, cloudLog, edgeLog } from './support/logs.js';
import { placeCounterOrders, relayStatus } from './support/store-box.js';
import { BlackholeProxy } from './support/tcp-proxy.js';

describe('a store box relaying through outages', () => {
  let chain: Chain;
  let dataDir: string;
  let edge: EdgeProcess;
  let counter: Headers;
  let admin: Headers;

  const head = (): number => edgeLog(dataDir).at(-1)?.seq ?? 0;
  const caughtUp = async (): Promise<boolean> => (await cloudHead(chain.sql, DEMO_STORE)).lastSeq === head();
  const ingestTotals = async (): Promise<{ received: number; inserted: number }> => {
    const all = await Promise.all(chain.relays.map((r) => r.health()));
    return {
      received: all.reduce((n, h) => n + h.ingest.received, 0),
      inserted: all.reduce((n, h) => n + h.ingest.inserted, 0),
    };
  };

  beforeAll(async () => {
    chain = await startChain({ name: 'outage', stores: [DEMO_STORE], relays: 2 });
    dataDir = mkdtempSync(join(chain.root, 'store-'));
    edge = await chain.startEdge({ dataDir });
    counter = await demoHeaders(edge.url, 'counter', 'cashier');
    admin = await demoHeaders(edge.url, 'admin', 'admin');
    await waitFor('the store caught up in the cloud', caughtUp);
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it('keeps selling while the broker is down; when it returns the cloud has all 500 orders once, in order', async () => {
    await chain.broker.stop();
    await waitFor('the edge to notice', async () => !(await relayStatus(edge.url, admin)).connected);
    const before = head();

    const orders = await placeCounterOrders(edge.url, counter, 500);
    expect(orders).toHaveLength(500);
    const offline = await relayStatus(edge.url, admin);
    expect(offline).toMatchObject({ connected: false, state: { headSeq: head(), relayedSeq: before } });
    expect(offline.state.backlog).toBeGreaterThanOrEqual(1000);
    expect((await cloudHead(chain.sql, DEMO_STORE)).maxSeq).toBe(before);

    await chain.broker.start();
    await waitFor('the backlog in the cloud', caughtUp, 120_000);

    // The cloud's copy of the log is the store's: every seq once, the same event at each.
    const log = edgeLog(dataDir);
    expect(await cloudLog(chain.sql, DEMO_STORE)).toEqual(log);
    // The 500 orders in the order the store took them (its numbers), each placed once.
    const ids = new Set(orders.map((o) => o.id));
    const placed = log.filter((e) => e.type === 'order.placed' && ids.has(e.subject)).map((e) => e.subject);
    expect(placed).toEqual(orders.map((o) => o.id));
    const projected = await chain.sql<{ id: string; number: number }[]>`
      select id, number from chain_orders where id in ${chain.sql([...ids])}`;
    expect(new Map(projected.map((r) => [r.id, r.number]))).toEqual(new Map(orders.map((o) => [o.id, o.number])));
    await waitFor(
      'the edge to see its backlog relayed',
      async () => (await relayStatus(edge.url, admin)).state.backlog === 0,
    );
  });

  it('loses and doubles nothing when the edge is SIGKILLed mid-drain', async () => {
    // A backlog of 300 orders while the broker is away; the edge stops cleanly.
    await chain.broker.stop();
    const orders = await placeCounterOrders(edge.url, counter, 300);
    await edge.stop();
    const backlogFrom = (await cloudHead(chain.sql, DEMO_STORE)).lastSeq;
    const target = head();
    expect(target - backlogFrom).toBeGreaterThanOrEqual(600);
    await chain.broker.start();

    // The edge drains through a link that goes silent after ~150 KB (about a fifth of the
    // backlog): the broker has those, their PUBACKs never come back. Then SIGKILL.
    const proxy = await new BlackholeProxy(chain.broker.port, 150_000).start();
    const totals = await ingestTotals();
    const draining = await chain.startEdge({ dataDir, env: { TILLBOX_RELAY_URL: `mqtts://127.0.0.1:${proxy.port}` } });
    await proxy.silent;
    await draining.kill();
    const reached = await waitFor('the relays to take what reached the broker', async () => {
      const { maxSeq } = await cloudHead(chain.sql, DEMO_STORE);
      const { received } = await ingestTotals();
      await new Promise((r) => setTimeout(r, 500));
      return maxSeq > backlogFrom && (await ingestTotals()).received === received ? maxSeq : undefined;
    });
    expect(reached, 'killed mid-drain').toBeLessThan(target);
    await proxy.stop();

    // Started again on its own data folder, straight to the broker: it sends from its cursor.
    edge = await chain.startEdge({ dataDir });
    await waitFor('the rest of the backlog in the cloud', caughtUp, 120_000);
    const log = edgeLog(dataDir);
    expect(log.at(-1)?.seq).toBe(target);
    expect(await cloudLog(chain.sql, DEMO_STORE)).toEqual(log);
    const ids = orders.map((o) => o.id);
    const projected = await chain.sql`select id from chain_orders where id in ${chain.sql(ids)}`;
    expect(projected).toHaveLength(300);
    // What reached the broker before the kill was sent again (no PUBACK came back) and applied once.
    const now = await ingestTotals();
    expect(now.inserted - totals.inserted).toBe(target - backlogFrom);
    expect(now.received - totals.received).toBeGreaterThan(now.inserted - totals.inserted);
  });
});
