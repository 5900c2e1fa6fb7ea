/**
 * The bench's FLOOR: the least a program can do for the same job as the edge's order path, run
 * as its own process (`node --import tsx tests/bench/floor-server.ts <data dir>`) so that it does
 * not share the bench's event loop. `POST /api/v1/orders` parses the JSON body, writes the order
 * in one better-sqlite3 transaction on a WAL database with `synchronous=FULL`, answers 201 and
 * sends one event frame to every WebSocket client. No validation schema, no pricing, no event log,
 * no views: what is left is HTTP, JSON, one durable commit and the fan-out.
 *
 * It speaks just enough of the edge's stream (`hello`, `caught-up`, `event` frames carrying
 * `order.fired` and the order id as `subject`) for the bench's clients to drive it unchanged.
 * Prints `{"port":N}` on stdout once it listens; SIGTERM closes it.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WebSocketServer } from 'ws';

/** The edge's `order.fired` frame for the bench's two-line order is about 2.1 KB. */
const FLOOR_FRAME_BYTES = 2048;
const MAX_BODY_BYTES = 64 * 1024;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: floor-server.ts <data dir>');
mkdirSync(dataDir, { recursive: true });

const sqlite = new Database(join(dataDir, 'floor.sqlite'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.exec(`CREATE TABLE IF NOT EXISTS orders (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  lines TEXT NOT NULL,
  placed_at TEXT NOT NULL
)`);
const insert = sqlite.prepare<[string, string, string], { number: number }>(
  `INSERT INTO orders (id, number, lines, placed_at)
   VALUES (?, (SELECT coalesce(max(number), 0) + 1 FROM orders), ?, ?) RETURNING number`,
);
const placeOrder = sqlite.transaction((id: string, lines: string, placedAt: string) => insert.get(id, lines, placedAt));

const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/api/v1/orders') onOrder(req, res);
  else reply(res, 404, { code: 'not-found' });
});
const wss = new WebSocketServer({ server: http });
wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ type: 'hello', head: 0 }));
  // Any message is taken as the client's `subscribe`: every client gets every order.
  socket.on('message', () => socket.send(JSON.stringify({ type: 'caught-up', seq: 0 })));
});

let seq = 0;

function onOrder(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) return reply(res, 413, { code: 'validation' });
    let order: { id?: unknown; lines?: unknown };
    try {
      order = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof order;
    } catch {
      return reply(res, 400, { code: 'validation' });
    }
    if (typeof order.id !== 'string' || !Array.isArray(order.lines)) return reply(res, 400, { code: 'validation' });
    const placedAt = new Date().toISOString();
    let number: number;
    try {
      number = placeOrder(order.id, JSON.stringify(order.lines), placedAt)?.number ?? 0;
    } catch {
      return reply(res, 409, { code: 'conflict' });
    }
    reply(res, 201, { id: order.id, number, placedAt });
    broadcast(eventFrame(order.id, number, order.lines, placedAt));
  });
}

/** An `order.fired` frame padded to the size of the edge's (which carries the whole order view). */
function eventFrame(id: string, number: number, lines: unknown[], at: string): string {
  seq += 1;
  const event = { seq, type: 'order.fired', subject: id, data: { order: { id, number, lines } }, at, pad: '' };
  const bare = JSON.stringify({ type: 'event', event }); // ends with `"pad":""}}`
  return bare.slice(0, -3) + 'x'.repeat(Math.max(0, FLOOR_FRAME_BYTES - bare.length)) + '"}}';
}

function broadcast(frame: string): void {
  for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
}

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});

process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  http.close(() => {
    sqlite.close();
    process.exit(0);
  });
  http.closeAllConnections();
});
