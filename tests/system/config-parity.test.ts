/**
 * The store and the cloud make the same configuration from the same published versions: the edge
 * applying each version it receives over the broker to what it runs, the cloud assembling what
 * the store runs from the versions it published (the engine it prices online orders with). A
 * promotions version without a discount cap leaves no cap at either, whatever an earlier version
 * said (the store used to keep the earlier cap while the cloud priced without it).
 */
import { rulesDocuments, type ConfigKind, type ConfigSet, type PricingEngine } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineOf } from '../../cloud-relay/src/configuration/store-config.js';
import { demoCatalog } from '../../edge/server/src/catalog/demo-catalog.js';
import { demoRules } from '../../edge/server/src/catalog/demo-rules.js';
import { TestBroker, TestCloud, until } from '../../edge/server/src/testing/test-broker.js';
import { startTestEdge, type TestEdge } from '../../edge/server/src/testing/test-edge.js';

const STORE = 'demo-store';
const at = (): string => new Date().toISOString();

/** What a store prices with, without the version numbers each side gives out itself. */
function configOf(engine: PricingEngine): unknown {
  const { version: _c, ...catalog } = engine.catalog;
  const { version: _r, ...rules } = engine.rules;
  return { catalog, rules };
}

describe('configuration from the cloud, at the store and in the cloud', () => {
  let broker: TestBroker;
  let cloud: TestCloud;
  let t: TestEdge;
  /** What the cloud published, as its configuration records keep it. */
  const published: Record<string, { version: number; document: unknown }> = {};

  beforeAll(async () => {
    broker = await new TestBroker().start();
    cloud = await TestCloud.connect(broker.url, STORE);
    t = await startTestEdge({
      overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100 },
    });
    await until('connected', () => t.edge.relay.status().connected);
  });
  afterAll(async () => {
    await t?.stop();
    await cloud?.end();
    await broker?.stop();
  });

  async function publish(kind: ConfigKind, version: number, document: unknown): Promise<void> {
    await cloud.publish(`config/${kind}`, { kind, version, publishedAt: at(), document });
    await until(`${kind} ${version} active`, () => t.edge.relay.status().state.config[kind] === version);
    published[kind] = { version, document };
  }

  const documents = rulesDocuments(demoRules);
  const capped = { ...documents.promotions, maxDiscount: { amount: 150 } };
  const uncapped = { ...documents.promotions };
  delete uncapped.maxDiscount;

  it('gives the store the same catalog and rules the cloud prices its online orders with', async () => {
    await publish('catalog', 1, demoCatalog);
    await publish('tax', 1, documents.tax);
    await publish('loyalty', 1, documents.loyalty);
    await publish('promotions', 1, capped);

    const store = t.edge.caps.catalog.engine;
    expect(store.rules.maxDiscount).toEqual({ amount: 150 });
    expect(configOf(store)).toEqual(configOf(engineOf(STORE, published as ConfigSet)));
  });

  it('leaves no discount cap at either when a later promotions version has none', async () => {
    await publish('promotions', 2, uncapped);

    const store = t.edge.caps.catalog.engine;
    const inCloud = engineOf(STORE, published as ConfigSet);
    expect(store.rules.maxDiscount).toBeUndefined();
    expect(inCloud.rules.maxDiscount).toBeUndefined();
    expect(configOf(store)).toEqual(configOf(inCloud));
  });

  it('takes the loyalty programme away at both when a version says none', async () => {
    await publish('loyalty', 2, { loyalty: null });

    const store = t.edge.caps.catalog.engine;
    expect(store.rules.loyalty).toBeUndefined();
    expect(configOf(store)).toEqual(configOf(engineOf(STORE, published as ConfigSet)));
  });
});
