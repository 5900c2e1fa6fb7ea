/**
 * An online order placed in the cloud → its ticket on the store's KDS: the built edge relaying to
 * the deployed Mosquitto, two cloud relays on PostgreSQL, the demo store's menu and rules published
 * from the cloud, one KDS stream client on the edge. Orders paid in the app (so they fire at once)
 * are POSTed to the cloud one after another; latency is POST sent → `order.fired` at the KDS.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '@tillbox/core';
import { rulesDocuments } from '../../cloud-relay/src/configuration/store-config.js';
import { demoCatalog } from '../../edge/server/src/catalog/demo-catalog.js';
import { demoRules } from '../../edge/server/src/catalog/demo-rules.js';
import { demoHeaders } from '../support/credentials.js';
import { startEdgeProcess } from '../support/edge-process.js';
import type { Certs } from '../integration/support/certs.js';
import { ADMIN_TOKEN, startCloudRelay } from '../integration/support/cloud-relay-process.js';
import { waitFor } from '../integration/support/guard.js';
import type { Mosquitto } from '../integration/support/mosquitto.js';
import type { PostgresServer } from '../integration/support/postgres.js';
import { relayStatus } from '../integration/support/store-box.js';
import { KdsFleet, percentile } from './order-latency.js';

const STORE = 'demo-store';

export async function benchOnlineToKds(options: {
  root: string;
  broker: Mosquitto;
  certs: Certs;
  postgres: PostgresServer;
  orders: number;
}): Promise<string[]> {
  const { broker, certs } = options;
  const databaseUrl = await options.postgres.createDatabase(`online_${Date.now().toString(36)}`);
  const relays = await Promise.all(
    ['online-1', 'online-2'].map((instanceId) =>
      startCloudRelay({ instanceId, brokerUrl: broker.url, certs, databaseUrl }),
    ),
  );
  const store = certs.store(STORE);
  const edge = await startEdgeProcess({
    dataDir: mkdtempSync(join(options.root, 'online-')),
    env: {
      TILLBOX_STORE_ID: STORE,
      TILLBOX_RELAY_URL: broker.url,
      TILLBOX_RELAY_TLS_CA: certs.ca,
      TILLBOX_RELAY_TLS_CERT: store.cert,
      TILLBOX_RELAY_TLS_KEY: store.key,
    },
  });
  let fleet: KdsFleet | undefined;
  try {
    const cloud = relays[0]!.url;
    const admin = await demoHeaders(edge.url, 'admin', 'admin');
    for (const [kind, document] of Object.entries({ catalog: demoCatalog, ...rulesDocuments(demoRules) })) {
      const res = await fetch(`${cloud}/api/v1/admin/stores/${STORE}/config/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ document }),
      });
      if (res.status !== 201) throw new Error(`publishing ${kind}: ${res.status} ${await res.text()}`);
    }
    await waitFor('the demo configuration active at the store', async () => {
      const active = (await relayStatus(edge.url, admin)).state.config;
      return (active.catalog ?? 0) > 0 && (active.promotions ?? 0) > 0 && (active.tax ?? 0) > 0;
    });
    fleet = await KdsFleet.connect(edge.url, 1, 0, (role) => demoHeaders(edge.url, role));

    const cart = (): unknown[] => [
      { lineId: uuidv7(), itemId: 'latte', variantId: 'medium', quantity: 1 },
      { lineId: uuidv7(), itemId: 'croissant', quantity: 1 },
    ];
    const quote = await fetch(`${cloud}/api/v1/stores/${STORE}/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'online', orderType: 'pickup', lines: cart() }),
    });
    const { totals } = (await quote.json()) as { totals: { total: number } };
    const tickets: number[] = [];
    const accepted: number[] = [];
    let failed = 0;
    for (let i = 0; i < options.orders; i++) {
      const id = uuidv7();
      const sent = performance.now();
      const ticket = fleet.expect(id, sent);
      // Alternate instances: any instance takes any order.
      const res = await fetch(`${relays[i % 2]!.url}/api/v1/stores/${STORE}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          channel: 'online',
          guest: { name: `Guest ${i}` },
          lines: cart(),
          payment: { method: 'external', amount: totals.total, reference: `bench-${i}` },
        }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) {
        failed++;
        fleet.forget(id);
        continue;
      }
      accepted.push(performance.now() - sent);
      const ms = await Promise.race([ticket, new Promise<number>((r) => setTimeout(() => r(-1), 10_000))]);
      if (ms < 0) {
        failed++;
        fleet.forget(id);
      } else tickets.push(ms);
      await new Promise((r) => setTimeout(r, 20));
    }
    tickets.sort((a, b) => a - b);
    accepted.sort((a, b) => a - b);
    const f = (v: number): string => v.toFixed(1);
    return [
      `${options.orders} online orders paid in the app, one after another, to alternating instances;`,
      'the store box on Mosquitto over TLS with its certificate, one KDS stream client.\n',
      '| | p50 ms | p99 ms | max ms |',
      '| --- | --- | --- | --- |',
      `| POST to the cloud → ticket (order.fired) on the KDS | ${f(percentile(tickets, 50))} | ${f(percentile(tickets, 99))} | ${f(tickets.at(-1) ?? NaN)} |`,
      `| POST to the cloud → 201 accepted (the store's answer) | ${f(percentile(accepted, 50))} | ${f(percentile(accepted, 99))} | ${f(accepted.at(-1) ?? NaN)} |`,
      '',
      `${tickets.length} tickets seen, ${failed} orders failed or without a ticket within 10 s.`,
    ];
  } finally {
    fleet?.close();
    await edge.stop();
    await Promise.all(relays.map((r) => r.stop()));
  }
}
