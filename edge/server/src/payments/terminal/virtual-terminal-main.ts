/**
 * A virtual card terminal on its own, as if on the store's network:
 *
 *     TILLBOX_VT_KEY_PASSPHRASE=… TILLBOX_VT_CERT_FILE=/tmp/terminal.pem \
 *       node edge/server/dist/payments/terminal/virtual-terminal-main.js
 *
 * then point an edge at it: a `payment-terminal` on `tcp:127.0.0.1:8443` in the hardware
 * profile, and `payments.terminal.{poiId,keyIdentifier,keyPassphrase,keyVersion,caFile}` set to
 * the same values (caFile: the certificate written to TILLBOX_VT_CERT_FILE). Its controls are
 * `GET|PUT https://HOST:PORT/control`.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { createLogger } from '../../logger.js';
import { VirtualTerminal } from './virtual-terminal.js';

const envSchema = z.object({
  TILLBOX_VT_HOST: z.string().min(1).default('127.0.0.1'),
  TILLBOX_VT_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  TILLBOX_VT_POI_ID: z
    .string()
    .regex(/^[A-Za-z0-9]+-[A-Za-z0-9]+$/)
    .default('V400m-000000001'),
  TILLBOX_VT_KEY_IDENTIFIER: z.string().min(1).max(128).default('tillbox-virtual'),
  TILLBOX_VT_KEY_PASSPHRASE: z.string().min(8, 'set TILLBOX_VT_KEY_PASSPHRASE (8 characters or more)'),
  TILLBOX_VT_KEY_VERSION: z.coerce.number().int().min(0).default(1),
  TILLBOX_VT_CERT_FILE: z.string().default(''),
  TILLBOX_VT_CARD_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(78); // EX_CONFIG
}
const env = parsed.data;
const log = createLogger('info').child({ module: 'virtual-terminal' });
const terminal = new VirtualTerminal({
  host: env.TILLBOX_VT_HOST,
  port: env.TILLBOX_VT_PORT,
  poiId: env.TILLBOX_VT_POI_ID,
  key: {
    keyIdentifier: env.TILLBOX_VT_KEY_IDENTIFIER,
    passphrase: env.TILLBOX_VT_KEY_PASSPHRASE,
    keyVersion: env.TILLBOX_VT_KEY_VERSION,
  },
  cardWaitMs: env.TILLBOX_VT_CARD_WAIT_MS,
  log,
});
await terminal.start();
if (env.TILLBOX_VT_CERT_FILE !== '') writeFileSync(env.TILLBOX_VT_CERT_FILE, terminal.certificate);
log.info(
  { url: terminal.url, poiId: terminal.poiId, certificate: env.TILLBOX_VT_CERT_FILE || undefined },
  'virtual card terminal listening',
);

const stop = (): void => {
  void terminal.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
