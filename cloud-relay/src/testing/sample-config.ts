/**
 * The core's New York sample store (docs/pricing.md) as the configuration documents the cloud
 * publishes (docs/mqtt.md): its catalog, and its pricing rules split into promotions, tax and
 * loyalty. A fake store answers each publication as the edge does.
 */
import { usStoreExample, type ConfigKind } from '@tillbox/core';
import { expect } from 'vitest';
import { rulesDocuments } from '../configuration/store-config.js';
import type { FakeStore } from './harness.js';

export const SAMPLE_DOCUMENTS: Record<Exclude<ConfigKind, 'stations'>, unknown> = {
  catalog: usStoreExample.catalog,
  ...rulesDocuments(usStoreExample.rules),
};

/** POST a configuration document through the admin API. */
export async function publishConfig(
  base: string,
  storeId: string,
  kind: ConfigKind,
  document: unknown,
  version?: number,
  token?: string,
): Promise<Response> {
  return fetch(`${base}/api/v1/admin/stores/${storeId}/config/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ document, ...(version !== undefined ? { version } : {}) }),
  });
}

/**
 * Publish the whole sample configuration to a store and have the fake store run it: each
 * version acknowledged `active`, then a state naming them.
 */
export async function runSampleConfig(base: string, store: FakeStore, token?: string): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  for (const [kind, document] of Object.entries(SAMPLE_DOCUMENTS)) {
    const res = await publishConfig(base, store.storeId, kind as ConfigKind, document, undefined, token);
    const body = (await res.json()) as { version: number };
    expect(res.status, JSON.stringify(body)).toBe(201);
    versions[kind] = body.version;
    await store.publish('config/ack', {
      kind: kind as ConfigKind,
      version: body.version,
      status: 'active',
      at: new Date().toISOString(),
    });
  }
  await store.state(true, versions);
  return versions;
}
