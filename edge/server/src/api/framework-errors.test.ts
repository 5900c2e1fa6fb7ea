/**
 * Addresses Fastify refuses before any route runs (issue 8, found by the HTTP fuzzer): a path
 * parameter past the router's length limit and a malformed %-escape. A screen gets the edge's own
 * error body with a reason, over the network as well as in process, and nothing is written.
 */
import { errorBodySchema } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe("addresses the router refuses answer in the edge's error shape", () => {
  let t: TestEdge;
  let counter: TestClient;

  beforeAll(async () => {
    t = await startTestEdge();
    counter = await testDevice(t.edge, 'counter', 'cashier');
  });
  afterAll(async () => {
    await t.stop();
  });

  const cases = [
    {
      what: 'a path parameter over 100 characters',
      path: () => `/api/v1/orders/${'a'.repeat(101)}`,
      status: 414,
      message: /longer than 100 characters/,
    },
    {
      what: 'a malformed %-escape in the path',
      path: () => '/api/v1/orders/%zz',
      status: 400,
      message: /malformed %-escape/,
    },
    {
      what: 'a malformed %-escape in a command',
      path: () => '/api/v1/tickets/%E0%A4%A/bump',
      status: 400,
      message: /malformed %-escape/,
    },
  ];

  it.each(cases)('$what: $status with a reason, nothing written', async ({ path, status, message }) => {
    const seq = t.edge.caps.events.lastSeq;
    const res = await fetch(`${t.url}${path()}`, { method: 'POST', headers: counter.headers, body: '{}' });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = errorBodySchema.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'validation', message: expect.stringMatching(message) });
    expect(t.edge.caps.events.lastSeq).toBe(seq);

    const injected = await counter.get(path());
    expect(injected.statusCode).toBe(status);
    expect(errorBodySchema.parse(injected.json()).error.message).toMatch(message);
  });

  it('keeps answering ordinary requests afterwards', async () => {
    expect((await counter.get('/api/v1/orders?status=open')).statusCode).toBe(200);
  });
});
