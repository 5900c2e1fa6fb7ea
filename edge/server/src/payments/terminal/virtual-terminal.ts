/**
 * The virtual card terminal: a real HTTPS server (a self-signed certificate made at start with
 * node:crypto) that speaks the Adyen Terminal API over local communications like a terminal on
 * the store's network — `POST /nexo` with encrypted nexo messages, refusing any that does not
 * decrypt and authenticate with the shared key — plus a control endpoint (`GET`/`PUT /control`)
 * that sets what the next sales do, for the admin screen and the tests. The demo store starts
 * one inside the edge (a `virtual` payment terminal in its hardware profile);
 * ./virtual-terminal-main.ts starts one on its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { virtualTerminalControlSchema } from '@tillbox/core';
import type { Logger } from 'pino';
import { z } from 'zod';
import { NexoCipher, NexoSecurityError, type NexoKey } from './nexo-crypto.js';
import { selfSignedCertificate } from './self-signed.js';
import { VirtualPoi, type RequestHeader, type VirtualPoiOptions } from './virtual-poi.js';

const MAX_REQUEST_BYTES = 1024 * 1024;

export interface VirtualTerminalOptions extends VirtualPoiOptions {
  /** Address to listen on (127.0.0.1: only this machine reaches it). */
  host?: string;
  /** 0: any free port (8443 is what real terminals use). */
  port?: number;
  key: NexoKey;
  log?: Logger;
}

const requestSchema = z.object({
  SaleToPOIRequest: z
    .object({
      MessageHeader: z
        .object({
          MessageCategory: z.string().max(40),
          SaleID: z.string().min(1).max(128),
          ServiceID: z.string().max(10).optional(),
          POIID: z.string().max(64),
        })
        .passthrough(),
    })
    .passthrough(),
});

/** What a terminal answers, unencrypted, to a message it cannot read. */
function rejection(reason: string): string {
  return JSON.stringify({
    SaleToPOIRequest: {
      MessageHeader: {
        ProtocolVersion: '3.0',
        MessageClass: 'Event',
        MessageCategory: 'Event',
        MessageType: 'Notification',
      },
      EventNotification: {
        EventToNotify: 'Reject',
        EventDetails: new URLSearchParams({ message: reason }).toString(),
        TimeStamp: new Date().toISOString(),
      },
    },
  });
}

export class VirtualTerminal {
  readonly poi: VirtualPoi;
  private readonly cipher: NexoCipher;
  private server: https.Server | undefined;
  /** `https://127.0.0.1:PORT/nexo` once started. */
  url = '';
  /** The certificate it serves (PEM): the one certificate its clients trust. */
  certificate = '';

  constructor(private readonly options: VirtualTerminalOptions) {
    this.poi = new VirtualPoi(options);
    this.cipher = new NexoCipher(options.key);
  }

  get poiId(): string {
    return this.options.poiId;
  }

  async start(): Promise<void> {
    const host = this.options.host ?? '127.0.0.1';
    const { cert, key } = selfSignedCertificate({
      commonName: `${this.options.poiId}.test.terminal.adyen.com`,
      hosts: ['localhost', ...(host === '0.0.0.0' ? ['127.0.0.1'] : [host])],
    });
    this.certificate = cert;
    const server = https.createServer({ cert, key }, (req, res) => void this.serve(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.url = `https://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/nexo`;
  }

  async stop(): Promise<void> {
    this.poi.stop();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: string) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
    try {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/control' && req.method === 'GET') return send(200, JSON.stringify(this.poi.state()));
      if (path === '/control' && req.method === 'PUT') {
        const change = virtualTerminalControlSchema.safeParse(JSON.parse(await this.body(req)) as unknown);
        if (!change.success)
          return send(400, JSON.stringify({ error: change.error.issues.map((i) => i.message).join('; ') }));
        return send(200, JSON.stringify(this.poi.control(change.data)));
      }
      if (path !== '/nexo' || req.method !== 'POST')
        return send(404, JSON.stringify({ error: 'POST /nexo or /control' }));
      const json = JSON.parse(await this.body(req)) as { SaleToPOIRequest?: unknown } | null;
      let plain: unknown;
      try {
        plain = this.cipher.open(json?.SaleToPOIRequest);
      } catch (err) {
        if (!(err instanceof NexoSecurityError)) throw err;
        this.poi.refusedMessages += 1;
        this.options.log?.warn({ reason: err.message }, 'virtual terminal refused a message');
        return send(200, rejection(err.message));
      }
      const request = requestSchema.safeParse(plain);
      if (!request.success) return send(200, rejection('Not a SaleToPOIRequest'));
      const { MessageHeader: header, ...body } = request.data.SaleToPOIRequest;
      const reply = await this.poi.handle(header as RequestHeader, body);
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if ('empty' in reply) return send(200, '');
      const answer = reply.body['SaleToPOIResponse'] as { MessageHeader: never };
      const secured = this.cipher.seal(answer.MessageHeader, reply.body);
      send(200, JSON.stringify({ SaleToPOIResponse: secured }));
    } catch (err) {
      this.options.log?.warn({ err }, 'virtual terminal could not read a request');
      send(400, JSON.stringify({ error: 'Bad request' }));
    }
  }

  private body(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REQUEST_BYTES) req.destroy(new Error('request too large'));
        else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }
}
