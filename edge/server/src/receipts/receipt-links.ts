/**
 * E-receipt links: the address a guest's phone opens from the receipt's QR code, on the store
 * box's LAN page, carrying a token that only the edge can make for that one order — an HMAC of
 * the order id under the store's receipt key. Anyone with the link reads that order's receipt;
 * nobody can make the link of another order from it, so receipts cannot be listed or guessed.
 *
 * The key is made once (32 random bytes) and kept beside the database in the data folder
 * (`receipt.key`, readable by its owner only): links printed before a restart keep working, a
 * restored backup of the folder keeps them, and a new store box makes its own. No database
 * migration, no setting to get wrong.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

/** The key file in the data folder. */
export const RECEIPT_KEY_FILE = 'receipt.key';

/** Token length in base64url characters: 128 bits of the HMAC. */
const TOKEN_CHARS = 22;

/** What {@link loadReceiptKey} found: the key, and whether a damaged key file had to be replaced. */
export interface ReceiptKey {
  key: Buffer;
  /** The file held no key (left empty or short by a power cut or a damaged disk): a new one was made, and older links no longer open. */
  replaced: boolean;
}

/**
 * Read the store's receipt key from the data folder, making it the first time. The key is on the
 * disk before any link is made with it (written to a temporary file, synced, linked into place,
 * the folder synced), so a power cut never leaves a file that printed links depend on half
 * written. A key file that is nevertheless damaged never stops the store from selling: it is
 * replaced, and the caller is told so it can say which links stopped working.
 */
export function loadReceiptKey(dataDir: string): ReceiptKey {
  const path = join(dataDir, RECEIPT_KEY_FILE);
  const found = readKey(path);
  if (found.key) return { key: found.key, replaced: false };
  if (found.exists) unlinkSync(path);
  writeKeyFile(dataDir, path);
  const made = readKey(path).key;
  if (!made) throw new Error(`${path} does not hold a receipt key after it was written`);
  return { key: made, replaced: found.exists };
}

function readKey(path: string): { key?: Buffer; exists: boolean } {
  try {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
    return key.length >= 32 ? { key, exists: true } : { exists: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false };
    throw e;
  }
}

/** A new key, durably: never over a key another start wrote meanwhile (its links would stop working). */
function writeKeyFile(dataDir: string, path: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${randomBytes(32).toString('base64url')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path); // fails with EEXIST instead of replacing a key made meanwhile
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
  const dir = openSync(dataDir, 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

export class ReceiptLinks {
  constructor(
    private readonly key: Buffer,
    private readonly options: {
      /** `devices.receiptUrl`: a template with {orderId} (and {token}); empty for this box's LAN address. */
      template: string;
      /** `http.host`: the address the edge listens on (0.0.0.0: every interface). */
      host: string;
      /** The port it listens on (known once it listens). */
      port: () => string;
    },
  ) {}

  /** The token of `orderId`'s receipt link. */
  token(orderId: string): string {
    return createHmac('sha256', this.key).update(`e-receipt:${orderId}`).digest('base64url').slice(0, TOKEN_CHARS);
  }

  /** Whether `token` is the one of `orderId`'s link (in constant time). */
  verify(orderId: string, token: string): boolean {
    const expected = Buffer.from(this.token(orderId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The receipt page on whatever address a screen uses: `/receipt/{id}?t={token}`. */
  path(orderId: string): string {
    return `/receipt/${encodeURIComponent(orderId)}?t=${this.token(orderId)}`;
  }

  /** The address printed and shown as a QR code: the setting's template, or this box on the LAN. */
  url(orderId: string): string {
    const token = this.token(orderId);
    const { template } = this.options;
    if (template !== '') {
      const filled = template.replaceAll('{orderId}', encodeURIComponent(orderId)).replaceAll('{token}', token);
      if (template.includes('{token}')) return filled;
      return `${filled}${filled.includes('?') ? '&' : '?'}t=${token}`;
    }
    return `${lanOrigin(this.options.host, this.options.port())}${this.path(orderId)}`;
  }
}

/**
 * This box as a phone on the store's LAN reaches it: the address the edge listens on, or, when it
 * listens on every interface, its first IPv4 address that is not loopback.
 */
export function lanOrigin(host: string, port: string, interfaces = networkInterfaces()): string {
  let address = host;
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(interfaces)
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    address = lan?.address ?? '127.0.0.1';
  }
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
