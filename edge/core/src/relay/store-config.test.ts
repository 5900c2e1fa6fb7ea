import { describe, expect, it } from 'vitest';
import { usStoreExample } from '../commerce/sample-stores.js';
import { applyConfig, assembleConfig, completeRules, rulesDocuments } from './store-config.js';

const documents = rulesDocuments(usStoreExample.rules);
const promotions = (extra: object = {}) => ({ ...documents.promotions, ...extra }) as never;

describe('applying published configuration', () => {
  it('replaces the whole promotions part: a version without a cap leaves no cap', () => {
    const base = { rules: { ...usStoreExample.rules, maxDiscount: { amount: 500 } } };
    const next = applyConfig(base, { kind: 'promotions', version: 2, document: promotions() });
    expect(next.rules?.maxDiscount).toBeUndefined();
    expect(next.rules?.stores).toEqual(usStoreExample.rules.stores);
    expect(base.rules.maxDiscount).toEqual({ amount: 500 });
  });

  it('assembles from nothing the same rules as applying each version to the store’s own', () => {
    const set = {
      promotions: { version: 3, document: promotions({ maxDiscount: { percentPpm: 100_000 } }) },
      tax: { version: 1, document: documents.tax as never },
      loyalty: { version: 1, document: { loyalty: null } },
    };
    const fromNothing = completeRules(assembleConfig(set).rules);
    const overOwn = completeRules(assembleConfig(set, { rules: { ...usStoreExample.rules } }).rules);
    expect(fromNothing).toEqual(overOwn);
    expect(fromNothing?.maxDiscount).toEqual({ percentPpm: 100_000 });
    expect(fromNothing?.loyalty).toBeUndefined();
  });

  it('has no rules until the stores and tax are known', () => {
    expect(completeRules(assembleConfig({ promotions: { version: 1, document: promotions() } }).rules)).toBeUndefined();
  });
});
