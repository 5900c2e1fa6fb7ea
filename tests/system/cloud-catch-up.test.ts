/**
 * A cloud relay that starts after the store box — the real edge process with its embedded broker,
 * a cloud relay in this process on PGlite — ends up with every event of the store's log exactly
 * once: through the persistent session the broker opened for it at start, or, when no session
 * waited for it, through the repair path (`events/resend`). Then live events keep coming, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../../cloud-relay/src/app.js';
import { IngestRepository } from '../../cloud-relay/src/ingest/ingest-repository.js';
import { StoreRepository } from '../../cloud-relay/src/stores/store-repository.js';
import { eventually, startRelay } from '../../cloud-relay/src/testing/harness.js';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders, type Headers } from '../support/credentials.js';
import { freePort, startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';

const STORE = 'demo-store';

describe('a cloud relay that starts after the store box', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function storeBox(
    env: Record<string, string>,
  ): Promise<{ edge: EdgeProcess; broker: string; counter: Headers }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-catch-up-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const brokerPort = await freePort();
    const edge = await startEdgeProcess({
      dataDir,
      env: {
        TILLBOX_RELAY_EMBEDDED_BROKER: 'true',
        TILLBOX_RELAY_EMBEDDED_BROKER_PORT: String(brokerPort),
        TILLBOX_RELAY_STATE_INTERVAL_MS: '200',
        ...env,
      },
    });
    cleanups.push(async () => void (await edge.stop()));
    const counter = await demoHeaders(edge.url, 'counter', 'cashier');
    return { edge, broker: `mqtt://127.0.0.1:${brokerPort}`, counter };
  }

  const place = async (edge: EdgeProcess, counter: Headers): Promise<void> => {
    const res = await fetch(`${edge.url}/api/v1/orders`, {
      method: 'POST',
      headers: counter,
      body: JSON.stringify(latteOrder()),
    });
    expect(res.status).toBe(201);
  };
  const head = async (edge: EdgeProcess, headers: Headers): Promise<number> =>
    ((await (await fetch(`${edge.url}/api/v1/health`, { headers })).json()) as { seq: number }).seq;

  /** Every seq from 1 to `last` in the cloud, each once, and the store's head there. */
  async function expectWholeLog(relay: CloudRelay, last: number): Promise<void> {
    const stores = new StoreRepository(relay.parts.database.db);
    await eventually(async () => {
      const row = await stores.find(STORE);
      return row?.lastSeq === last && row.maxSeq === last;
    }, 20_000);
    const events = await new IngestRepository(relay.parts.database.db).eventsSince(STORE, 0, 10_000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(last);
  }

  it('gets what was published before it existed by asking the store again (no session waited for it)', async () => {
    const { edge, broker, counter } = await storeBox({});
    for (let i = 0; i < 3; i++) await place(edge, counter);
    const before = await head(edge, counter);
    expect(before).toBeGreaterThan(6);

    const relay = await startRelay(broker, {
      instanceId: 'late',
      overrides: { 'repair.checkMs': 200, 'repair.graceMs': 500, 'repair.retryMs': 2000 },
    });
    cleanups.push(() => relay.stop());
    await expectWholeLog(relay, before);
    expect(relay.parts.repair.requests).toBeGreaterThan(0);

    await place(edge, counter);
    await expectWholeLog(relay, await head(edge, counter));
  });

  it('gets it from the session the embedded broker opened for it at start, without asking', async () => {
    const { edge, broker, counter } = await storeBox({
      TILLBOX_RELAY_EMBEDDED_BROKER_CLOUD_CLIENT_ID: 'tillbox-cloud-relay-expected',
    });
    for (let i = 0; i < 3; i++) await place(edge, counter);
    const before = await head(edge, counter);

    const relay = await startRelay(broker, { instanceId: 'expected', overrides: { 'repair.checkMs': 0 } });
    cleanups.push(() => relay.stop());
    await expectWholeLog(relay, before);
    expect(relay.parts.repair.requests).toBe(0);

    await place(edge, counter);
    await expectWholeLog(relay, await head(edge, counter));
  });
});
