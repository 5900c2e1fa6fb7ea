/**
 * Secrets of devices: credentials (random tokens) and one-time pairing codes. Only their SHA-256
 * is stored: both are random enough that a slow hash adds nothing, and a lookup stays one query.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newCredential(): string {
  return `tbx_${randomBytes(32).toString('base64url')}`;
}

/** A pairing code as shown and typed: `ABCD-EF23`. */
export function newPairingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The code as typed (any case, with or without the dash or spaces), or undefined if it cannot be one. */
export function normalizePairingCode(typed: string): string | undefined {
  const s = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4)}` : undefined;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
