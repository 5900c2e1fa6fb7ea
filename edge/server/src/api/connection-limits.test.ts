/**
 * Half-open requests and socket hoarding (issue 8, finding 9): a connection that never finishes
 * its request is answered 408 and closed after the head timeout, one address cannot hold more
 * sockets than its cap, and meanwhile everyone else is served.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../testing/stream-test-client.js';
import { testDevice } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

interface RawSocket {
  socket: Socket;
  /** What the edge sent before closing. */
  received: () => string;
  closed: Promise<number>;
}

/** A TCP connection to the edge that sends `data` and then nothing; `closed` resolves with when it closed. */
async function rawSocket(url: string, data: string): Promise<RawSocket> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += String(chunk)));
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  socket.on('error', () => {}); // a reset by the edge is a close too
  await new Promise<void>((resolve) => {
    socket.once('connect', () => resolve());
    socket.once('close', () => resolve());
  });
  if (!socket.destroyed && data) socket.write(data);
  return { socket, received: () => received, closed };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('connection limits', () => {
  let t: TestEdge | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await t?.stop();
    t = undefined;
  });

  it('closes 300 half-sent requests after the head timeout with a 408, serving others meanwhile', async () => {
    t = await startTestEdge({
      overrides: { 'http.headersTimeoutMs': 600, 'http.requestTimeoutMs': 2000, 'http.maxConnectionsPerAddress': 400 },
    });
    const kds = await testDevice(t.edge, 'kds');
    const stream = await StreamTestClient.connect(t.url, {
      headers: { authorization: kds.headers.authorization ?? '' },
    });
    const opened = Date.now();
    const halfOpen = await Promise.all(Array.from({ length: 300 }, () => rawSocket(t?.url ?? '', 'GET /api/v1/hea')));
    sockets.push(...halfOpen.map((h) => h.socket));

    const health = await fetch(`${t.url}/api/v1/health`, {
      headers: { authorization: kds.headers.authorization ?? '' },
    });
    expect(health.status).toBe(200);
    expect(halfOpen.filter((h) => h.socket.destroyed)).toHaveLength(0);

    const closedAt = await Promise.race([
      Promise.all(halfOpen.map((h) => h.closed)),
      settle(5000).then(() => {
        throw new Error(`${halfOpen.filter((h) => !h.socket.destroyed).length} of 300 still open after 5 s`);
      }),
    ]);
    expect(Math.min(...closedAt) - opened).toBeGreaterThanOrEqual(500);
    expect(halfOpen.every((h) => h.received().startsWith('HTTP/1.1 408'))).toBe(true);

    // A stream outlives the head timeout: it is no half-open request.
    stream.send({ type: 'ping', at: 1 });
    await stream.waitFor('a pong', () => stream.messages.some((m) => m.type === 'pong'));
    expect(stream.closeCode).toBeUndefined();
    stream.socket.close();
  });

  it('closes the connections one address opens beyond its cap, and serves it again when it lets go', async () => {
    t = await startTestEdge({ overrides: { 'http.maxConnectionsPerAddress': 20 } });
    const kds = await testDevice(t.edge, 'kds');
    const held = await Promise.all(Array.from({ length: 30 }, () => rawSocket(t?.url ?? '', '')));
    sockets.push(...held.map((h) => h.socket));
    await settle(300);
    expect(held.filter((h) => h.socket.destroyed)).toHaveLength(10);
    expect(held.every((h) => h.received() === '')).toBe(true);
    await expect(fetch(`${t.url}/api/v1/health`)).rejects.toThrow();

    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    await settle(100);
    const health = await fetch(`${t.url}/api/v1/health`, {
      headers: { authorization: kds.headers.authorization ?? '' },
    });
    expect(health.status).toBe(200);
  });
});
