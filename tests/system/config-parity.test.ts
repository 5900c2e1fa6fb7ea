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
import { startEdgeWithCloud, type EdgeWithCloud } from '../../edge/server/src/testing/edge-with-cloud.js';
import { until } from '../../edge/server/src/testing/test-broker.js';

const STORE = 'demo-store';
const at = (): string => new Date().toISOString();

/** What a store prices with, without the version numbers each side gives out itself. */
function configOf(engine: PricingEngine): unknown {
  const { version: _c, ...catalog } = engine.catalog;
  const { version: _r, ...rules } = engine.rules;
  return { catalog, rules };
}

describe('configuration from the cloud, at the store and in the cloud', () => {
  let chain: EdgeWithCloud;
  /** What the cloud published, as its configuration records keep it. */
  const published: Record<string, { version: number; document: unknown }> = {};

  beforeAll(async () => {
    chain = await startEdgeWithCloud({}, STORE);
  });
  afterAll(async () => {
    await chain?.stop();
  });
  const store = (): PricingEngine => chain.t.edge.caps.catalog.engine;

  async function publish(kind: ConfigKind, version: number, document: unknown): Promise<void> {
    await chain.cloud.publish(`config/${kind}`, { kind, version, publishedAt: at(), document });
    await until(`${kind} ${version} active`, () => chain.t.edge.relay.status().state.config[kind] === version);
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

    const engine = store();
    expect(engine.rules.maxDiscount).toEqual({ amount: 150 });
    expect(configOf(engine)).toEqual(configOf(engineOf(STORE, published as ConfigSet)));
  });

  it('leaves no discount cap at either when a later promotions version has none', async () => {
    await publish('promotions', 2, uncapped);

    const engine = store();
    const inCloud = engineOf(STORE, published as ConfigSet);
    expect(engine.rules.maxDiscount).toBeUndefined();
    expect(inCloud.rules.maxDiscount).toBeUndefined();
    expect(configOf(engine)).toEqual(configOf(inCloud));
  });

  it('takes the loyalty programme away at both when a version says none', async () => {
    await publish('loyalty', 2, { loyalty: null });

    const engine = store();
    expect(engine.rules.loyalty).toBeUndefined();
    expect(configOf(engine)).toEqual(configOf(engineOf(STORE, published as ConfigSet)));
  });
});
