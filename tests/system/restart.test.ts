/**
 * Orders acknowledged before the edge is killed with SIGKILL are all there after a restart:
 * nothing is acknowledged before its transaction has committed with synchronous=FULL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderList, OrderView } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders } from '../support/credentials.js';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';

describe('restart', () => {
  const dirs: string[] = [];
  const procs: EdgeProcess[] = [];
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.kill()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps every acknowledged order through SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-restart-'));
    dirs.push(dataDir);
    const first = await startEdgeProcess({ dataDir });
    procs.push(first);
    // A counter screen with a cashier signed in; its credential and session outlive the restart.
    const headers = await demoHeaders(first.url, 'counter', 'cashier');

    // Keep placing orders from 8 concurrent screens and SIGKILL the edge mid-stream.
    const acknowledged: OrderView[] = [];
    let killed = false;
    const screen = async (): Promise<void> => {
      while (!killed) {
        try {
          const res = await fetch(`${first.url}/api/v1/orders`, {
            method: 'POST',
            headers,
            body: JSON.stringify(latteOrder()),
          });
          if (res.status === 201) acknowledged.push((await res.json()) as OrderView);
        } catch {
          return; // the edge is gone
        }
      }
    };
    const screens = Array.from({ length: 8 }, () => screen());
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    await first.kill();
    killed = true;
    await Promise.all(screens);

    const second = await startEdgeProcess({ dataDir });
    procs.push(second);
    const list = (await (
      await fetch(`${second.url}/api/v1/orders?status=in_kitchen`, { headers })
    ).json()) as OrderList;
    const stored = new Map(list.orders.map((o) => [o.id, o]));
    for (const order of acknowledged) {
      expect(stored.get(order.id), `order ${order.number}`).toEqual(order);
    }
    // Numbers stay unique per day and the next order carries on after the highest one.
    const numbers = list.orders.map((o) => o.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const next = (await (
      await fetch(`${second.url}/api/v1/orders`, {
        method: 'POST',
        headers,
        body: JSON.stringify(latteOrder()),
      })
    ).json()) as OrderView;
    expect(next.number).toBe(Math.max(...numbers) + 1);
  });

  it('shuts down cleanly on SIGTERM and keeps its data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-restart-'));
    dirs.push(dataDir);
    const edge = await startEdgeProcess({ dataDir });
    procs.push(edge);
    const headers = await demoHeaders(edge.url, 'counter', 'cashier');
    const res = await fetch(`${edge.url}/api/v1/orders`, {
      method: 'POST',
      headers,
      body: JSON.stringify(latteOrder()),
    });
    const order = (await res.json()) as OrderView;
    expect(await edge.stop()).toBe(0);
    const again = await startEdgeProcess({ dataDir });
    procs.push(again);
    const got = (await (await fetch(`${again.url}/api/v1/orders/${order.id}`, { headers })).json()) as OrderView;
    expect(got).toEqual(order);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tillbox-restart-'));
    dirs.push(dataDir);
    await expect(startEdgeProcess({ dataDir, env: { TILLBOX_STORE_TIME_ZONE: 'Nowhere/Land' } })).rejects.toThrow(
      /store\.timeZone \[TILLBOX_STORE_TIME_ZONE\]/,
    );
  });
});
