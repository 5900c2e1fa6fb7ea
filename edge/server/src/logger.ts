import pino, { type Logger } from 'pino';

/** The root logger; modules take a child with `{ module }`. Never log card data or PINs. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'tillbox-edge' },
    redact: ['*.pin', '*.pan', '*.card', 'req.headers.authorization'],
  });
}
