import { kitchenConfigSchema, orderViewSchema, speedOfServiceSchema } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiPost, setScreenRole } from './api.js';
import { makeOrder } from './testing/orders.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A stand-in for the edge behind `fetch`: records each request and answers `answer`. */
function edge(answer: () => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      sent.push({
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body: typeof init.body === 'string' ? init.body : undefined,
      });
      return Promise.resolve(answer());
    }),
  );
  return sent;
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const order = makeOrder({ id: 'a/1', number: 7 });

beforeEach(() => setScreenRole('kiosk'));
afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('fills path parameters (encoded), sends the body as JSON and says which screen asks', async () => {
    const sent = edge(() => json(order));
    const paid = await api.post('/orders/{id}/pay', {
      params: { id: 'a/1' },
      body: { method: 'card' },
      schema: orderViewSchema,
    });
    expect(paid.number).toBe(7);
    expect(sent).toEqual([
      {
        url: '/api/v1/orders/a%2F1/pay',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-tillbox-screen': 'kiosk' },
        body: '{"method":"card"}',
      },
    ]);
  });

  it('labels a command without a body as JSON too (the edge refuses unlabelled state changes)', async () => {
    setScreenRole('pickup');
    const sent = edge(() => json(order));
    await api.post('/orders/{id}/pick-up', { params: { id: 'b' }, schema: orderViewSchema });
    await apiPost('/api/v1/tickets/t1/bump', {}, orderViewSchema);
    expect(sent.map((s) => [s.url, s.headers['content-type'], s.headers['x-tillbox-screen']])).toEqual([
      ['/api/v1/orders/b/pick-up', 'application/json', 'pickup'],
      ['/api/v1/tickets/t1/bump', 'application/json', 'pickup'],
    ]);
    expect(sent[0]?.body).toBeUndefined();
  });

  it('sends a query, and no content type on a read', async () => {
    setScreenRole('admin');
    const none = { count: 0, p50Seconds: null, p90Seconds: null };
    const stages = { placedToFired: none, firedToReady: none, readyToPickedUp: none, placedToPickedUp: none };
    const sent = edge(() => json({ businessDay: '2026-11-27', orders: 0, stages, stations: [] }));
    const report = await api.get('/reports/speed-of-service', {
      query: { day: '2026-11-27' },
      schema: speedOfServiceSchema,
    });
    expect(report.businessDay).toBe('2026-11-27');
    expect(sent[0]?.url).toBe('/api/v1/reports/speed-of-service?day=2026-11-27');
    expect(sent[0]?.headers).toEqual({ accept: 'application/json', 'x-tillbox-screen': 'admin' });
  });

  it("turns the edge's error body into an ApiError with its code and message", async () => {
    edge(() => json({ error: { code: 'payment-declined', message: 'The card was declined', details: [] } }, 402));
    const failure = await api
      .post('/orders/{id}/pay', { params: { id: 'a' }, body: { method: 'card' }, schema: orderViewSchema })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ kind: 'rejected', code: 'payment-declined', status: 402 });
    expect((failure as ApiError).message).toBe('The card was declined');
  });

  it('refuses an answer that does not fit the schema, saying where', async () => {
    edge(() => json({ stations: 'bar' }));
    const failure = await api.get('/kitchen/config', { schema: kitchenConfigSchema }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'bad-response', status: 200 });
    expect((failure as ApiError).details.map((d) => d.path)).toContain('stations');
  });

  it('only compiles calls the OpenAPI document allows (checked by svelte-check)', () => {
    const calls = [
      // @ts-expect-error -- no such path
      () => api.get('/orders/{id}/receipt', { params: { id: 'a' }, schema: orderViewSchema }),
      // @ts-expect-error -- the path needs its {id}
      () => api.get('/orders/{id}', { schema: orderViewSchema }),
      // @ts-expect-error -- pay takes a method: 'card' | 'cash'
      () => api.post('/orders/{id}/pay', { params: { id: 'a' }, body: { method: 'cheque' }, schema: orderViewSchema }),
      // @ts-expect-error -- pick-up takes no body
      () => api.post('/orders/{id}/pick-up', { params: { id: 'a' }, body: { at: 1 }, schema: orderViewSchema }),
      // @ts-expect-error -- the kitchen config is not an order: the schema does not fit the answer
      () => api.get('/kitchen/config', { schema: orderViewSchema }),
      // @ts-expect-error -- the catalog is read, not posted
      () => api.post('/catalog', { schema: kitchenConfigSchema }),
    ];
    expect(calls).toHaveLength(6);
  });
});
