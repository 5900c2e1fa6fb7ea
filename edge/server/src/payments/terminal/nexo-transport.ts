/**
 * HTTPS to a terminal's `/nexo`: one POST per message on kept-alive connections, trusting only
 * the given certificate authority and an Adyen terminal's common name for this POIID; answers at
 * most 2 MB; a deadline per request. `stop()` drops whatever is under way (as a crash would).
 */
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import { TillboxError } from '@tillbox/core';

const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

/**
 * The terminal's answer never came: `timedOut` when the deadline passed, else the connection
 * failed; `delivered` false when the request never left the box (no connection, a certificate
 * refused), so the terminal cannot have acted on it.
 */
export class NoAnswerError extends TillboxError {
  constructor(
    readonly timedOut: boolean,
    readonly delivered: boolean,
    message: string,
    cause?: unknown,
  ) {
    super(timedOut ? 'device-timeout' : 'device-unavailable', message, cause === undefined ? {} : { cause });
  }
}

/** The common names an Adyen terminal's certificate may carry. */
export function terminalCommonNames(poiId: string): string[] {
  return ['test', 'live'].flatMap((env) => [
    `${poiId}.${env}.terminal.adyen.com`,
    `legacy-terminal-certificate.${env}.terminal.adyen.com`,
  ]);
}

export class NexoTransport {
  private agent: https.Agent | undefined;
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: { url: string; ca: string; poiId: string }) {}

  start(): void {
    const names = terminalCommonNames(this.options.poiId);
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 4,
      ca: this.options.ca,
      checkServerIdentity: (_host: string, cert: PeerCertificate) => {
        const cn = cert.subject?.CN;
        const common = Array.isArray(cn) ? cn : [cn];
        return common.some((c) => typeof c === 'string' && names.includes(c))
          ? undefined
          : new Error(`the terminal's certificate is for ${String(cn)}, not ${this.options.poiId}`);
      },
    });
  }

  /** Drops every request under way (as a crash would: the terminal is not told) and the connections. */
  stop(): void {
    for (const c of this.inFlight) c.abort();
    this.inFlight.clear();
    this.agent?.destroy();
    this.agent = undefined;
  }

  post(payload: string, timeoutMs: number): Promise<string> {
    const agent = this.agent;
    if (!agent) return Promise.reject(new NoAnswerError(false, false, 'The card terminal is not started'));
    const controller = new AbortController();
    this.inFlight.add(controller);
    let timedOut = false;
    let flushed = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    return new Promise<string>((resolve, reject) => {
      const req = https.request(
        this.options.url,
        {
          method: 'POST',
          agent,
          signal: controller.signal,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) req.destroy(new Error('the answer is too large'));
            else chunks.push(chunk);
          });
          res.on('end', () => {
            if (res.statusCode !== 200)
              reject(new NoAnswerError(false, true, `The card terminal answered HTTP ${res.statusCode ?? 0}`));
            else resolve(Buffer.concat(chunks).toString('utf8'));
          });
          res.on('error', (err) => reject(noAnswer(err, timedOut, true)));
        },
      );
      // Flushed: handed to the connection once it was up (TLS checked); before that, never sent.
      req.on('finish', () => (flushed = true));
      req.on('error', (err) => reject(noAnswer(err, timedOut, flushed)));
      req.end(payload);
    }).finally(() => {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    });
  }
}

function noAnswer(err: Error, timedOut: boolean, delivered: boolean): NoAnswerError {
  const why = (err as NodeJS.ErrnoException).code ?? err.message;
  return timedOut
    ? new NoAnswerError(true, delivered, 'The card terminal did not answer in time', err)
    : new NoAnswerError(false, delivered, `The card terminal could not be reached (${why})`, err);
}
