/** UUIDv7 ids (RFC 9562): time-ordered, made where the thing is created. */

// globalThis.crypto is the Web Crypto object in browsers and in Node 20+; the core compiles
// without DOM or Node types, so declare the one function it uses.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Random bytes fetched 4 KB at a time (one call to the system's generator per 256 ids). */
const POOL_SIZE = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;

function randomBytes16(): Uint8Array {
  if (poolOffset + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    poolOffset = 0;
  }
  const bytes = pool.slice(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return bytes;
}

let lastMs = -1;
let lastSeq = 0;

/**
 * A new UUIDv7. Within one millisecond a 12-bit counter in `rand_a` keeps ids made by this
 * runtime strictly increasing (method 1 of RFC 9562 §6.2).
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes16();
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    lastSeq += 1;
    if (lastSeq > 0xfff) {
      ms = lastMs + 1;
      lastSeq = 0;
    }
  } else {
    lastSeq = (bytes[6] ?? 0) & 0x07; // start low so the counter has room
  }
  lastMs = ms;
  // 48-bit big-endian milliseconds
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((lastSeq >>> 8) & 0x0f);
  bytes[7] = lastSeq & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[bytes[i] ?? 0];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

/** The creation time in milliseconds encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  const hex = id.replace(/-/g, '').slice(0, 12);
  return parseInt(hex, 16);
}
