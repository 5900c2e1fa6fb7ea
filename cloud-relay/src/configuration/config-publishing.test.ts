/**
 * Configuration publishing over HTTP, a real broker (aedes) and a fake store: a version the
 * core's validators refuse is refused with the reason and never published; a valid one is
 * published retained, pending until the store answers, then active (or refused with the
 * store's reason); the store's state marks what it runs; the admin token guards it all.
 */
import { uuidv7 } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import { FakeStore, eventually, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { SAMPLE_DOCUMENTS, publishConfig, runSampleConfig } from '../testing/sample-config.js';

const TOKEN = 'test-admin-token';
let broker: TestBroker;
let relay: CloudRelay;
let store: FakeStore;

interface Version {
  kind: string;
  version: number;
  state: string;
  reason?: string;
}

async function versions(storeId: string): Promise<Version[]> {
  const res = await fetch(`${relay.url}/api/v1/admin/stores/${storeId}/config`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { versions: Version[] }).versions;
}

const ghostPromotion = {
  ...(SAMPLE_DOCUMENTS.promotions as object),
  promotions: [
    {
      id: 'ghost-deal',
      name: { en: 'Ghost deal' },
      effect: { kind: 'percent-off', percentPpm: 100_000, appliesTo: { itemIds: ['ghost'] } },
    },
  ],
};

beforeAll(async () => {
  broker = await startBroker();
  relay = await startRelay(broker.url, { overrides: { 'admin.token': TOKEN } });
  store = new FakeStore('brooklyn', broker.url);
  await store.connect();
  await runSampleConfig(relay.url, store, TOKEN);
});
afterAll(async () => {
  await store?.close();
  await relay?.stop();
  await broker?.stop();
});

describe('configuration publishing', () => {
  it('refuses a version the core’s validators refuse, with the reason, and never publishes it', async () => {
    const before = store.received['config/promotions']?.length ?? 0;
    const res = await publishConfig(relay.url, 'brooklyn', 'promotions', ghostPromotion, undefined, TOKEN);
    const body = (await res.json()) as { error: { code: string; message: string; details: { message: string }[] } };
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toMatch(/promotions version 2 refused: .*ghost/);
    const refused = (await versions('brooklyn')).find((v) => v.kind === 'promotions' && v.version === 2);
    expect(refused).toMatchObject({ state: 'refused' });
    expect(refused?.reason).toMatch(/ghost/);

    const badSchema = await publishConfig(relay.url, 'brooklyn', 'tax', { stores: [] }, undefined, TOKEN);
    expect(badSchema.status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(store.received['config/promotions']?.length ?? 0).toBe(before);
  });

  it('publishes a valid version retained: pending until the store answers, then active', async () => {
    const doc = { ...(SAMPLE_DOCUMENTS.promotions as object), promotions: [] };
    const res = await publishConfig(relay.url, 'brooklyn', 'promotions', doc, undefined, TOKEN);
    const body = (await res.json()) as Version;
    expect(res.status, JSON.stringify(body)).toBe(201);
    // Version 2 was refused above: the next is 3.
    expect(body).toMatchObject({ kind: 'promotions', version: 3, state: 'pending' });
    const sent = await eventually(async () => store.received['config/promotions']?.find((m) => m.version === 3));
    expect(sent.document.promotions).toEqual([]);
    expect((await versions('brooklyn')).find((v) => v.kind === 'promotions' && v.version === 3)?.state).toBe('pending');

    await store.publish('config/ack', {
      kind: 'promotions',
      version: 3,
      status: 'active',
      at: new Date().toISOString(),
    });
    await eventually(
      async () =>
        (await versions('brooklyn')).find((v) => v.kind === 'promotions' && v.version === 3)?.state === 'active',
    );

    // A store that connects later gets the retained version from the broker.
    const late = new FakeStore('brooklyn', broker.url);
    await late.connect();
    try {
      const retained = await eventually(async () => late.received['config/promotions']?.[0]);
      expect(retained.version).toBe(3);
    } finally {
      await late.close();
    }
  });

  it('records the store’s refusal with its reason; the versions in its state become active', async () => {
    const doc = { ...(SAMPLE_DOCUMENTS.promotions as object), promotions: [] };
    const five = (await (
      await publishConfig(relay.url, 'brooklyn', 'promotions', doc, undefined, TOKEN)
    ).json()) as Version;
    await store.publish('config/ack', {
      kind: 'promotions',
      version: five.version,
      status: 'refused',
      reason: 'the store could not apply it',
      at: new Date().toISOString(),
    });
    await eventually(async () => {
      const v = (await versions('brooklyn')).find((x) => x.kind === 'promotions' && x.version === five.version);
      return v?.state === 'refused' && v.reason === 'the store could not apply it';
    });

    const six = (await (
      await publishConfig(relay.url, 'brooklyn', 'promotions', doc, undefined, TOKEN)
    ).json()) as Version;
    expect(six.state).toBe('pending');
    await store.state(true, { promotions: six.version });
    await eventually(
      async () =>
        (await versions('brooklyn')).find((v) => v.kind === 'promotions' && v.version === six.version)?.state ===
        'active',
    );
  });

  it('refuses a version number that is not above the last one, and callers without the admin token', async () => {
    const doc = SAMPLE_DOCUMENTS.loyalty;
    expect((await publishConfig(relay.url, 'brooklyn', 'loyalty', doc, 1, TOKEN)).status).toBe(409);
    const anonymous = await publishConfig(relay.url, 'brooklyn', 'loyalty', doc);
    expect(anonymous.status).toBe(401);
    const wrong = await publishConfig(relay.url, 'brooklyn', 'loyalty', doc, undefined, 'not-the-token');
    expect(wrong.status).toBe(401);
    const list = await fetch(`${relay.url}/api/v1/admin/stores`);
    expect(list.status).toBe(401);
  });

  it('lists the stores with their online state, log head and what they run', async () => {
    await store.publish('events', {
      storeId: 'brooklyn',
      seq: 1,
      id: uuidv7(),
      type: 'order.cancelled',
      version: 1,
      subject: 'x',
      at: new Date().toISOString(),
      actor: { kind: 'system', id: 'edge', role: 'system' },
      device: null,
      data: { orderId: 'x' },
    });
    const listed = await eventually(async () => {
      const res = await fetch(`${relay.url}/api/v1/admin/stores`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = (await res.json()) as { stores: { id: string; lastSeq: number; takingOrders: boolean }[] };
      const b = body.stores.find((s) => s.id === 'brooklyn');
      return b?.lastSeq === 1 ? b : undefined;
    });
    expect(listed).toMatchObject({ status: 'online', takingOrders: true, lastSeq: 1 });
  });
});
