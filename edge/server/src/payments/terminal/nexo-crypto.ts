/**
 * Encryption of Terminal API messages over local communications, as Adyen's "Protect with your
 * own code" page and its libraries describe it: the shared key's passphrase is stretched with
 * PBKDF2 (the library's `NexoDerivedKeyGenerator`: HMAC-SHA1, salt `AdyenNexoV1Salt`, 4000
 * rounds) into an HMAC key, a cipher key and an IV; each message is AES-256-CBC encrypted with
 * that IV XORed with a random 16-byte nonce, and authenticated by an HMAC-SHA256 of its plain
 * text. The secured message carries the clear `MessageHeader`, the cipher text as `NexoBlob`,
 * and a `SecurityTrailer` (key identifier and version, crypto version, nonce, HMAC).
 *
 * This follows `@adyen/api-library`'s `NexoCrypto` byte for byte (the tests check both ways)
 * but derives the key once per passphrase: the library derives it again for every message,
 * ~40 ms of CPU each time on the store box. (The library's message classes type their enums as
 * numbers while the wire has strings, so the envelope is typed here.)
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import derivedKeyModule from '@adyen/api-library/lib/src/security/nexoDerivedKeyGenerator.js';
import { TillboxError } from '@tillbox/core';
import { z } from 'zod';

/**
 * The library is CommonJS with `exports.default`: Node's loader hands the module object, Vite's
 * (the tests) the class itself.
 */
type KeyGenerator = typeof derivedKeyModule.default;
const NexoDerivedKeyGenerator: KeyGenerator =
  'deriveKeyMaterial' in derivedKeyModule ? (derivedKeyModule as unknown as KeyGenerator) : derivedKeyModule.default;

/** The header of every Terminal API message, sent in clear beside the encrypted body. */
export interface NexoHeader {
  ProtocolVersion: '3.0';
  MessageClass: 'Service' | 'Event' | 'Device';
  MessageCategory: string;
  MessageType: 'Request' | 'Response' | 'Notification';
  SaleID: string;
  ServiceID?: string;
  POIID: string;
}

/** What travels: `{SaleToPOIRequest: SecuredMessage}` or `{SaleToPOIResponse: SecuredMessage}`. */
export interface SecuredMessage {
  MessageHeader: NexoHeader;
  NexoBlob: string;
  SecurityTrailer: {
    AdyenCryptoVersion: number;
    KeyIdentifier: string;
    KeyVersion: number;
    Nonce: string;
    Hmac: string;
  };
}

interface DerivedKey {
  cipherKey: Buffer;
  hmacKey: Buffer;
  iv: Buffer;
}

const IV_LENGTH = 16;
const HMAC_LENGTH = 32;
/** A Terminal API message is a few KB; receipts make it tens. */
export const MAX_NEXO_BLOB_CHARS = 1_000_000;

/** The shared key set on the terminal (Customer Area → Terminal settings → Integrations). */
export interface NexoKey {
  keyIdentifier: string;
  passphrase: string;
  keyVersion: number;
  /** `AdyenCryptoVersion` of the trailer: 1 today. */
  cryptoVersion?: number;
}

/** A message whose encryption or authentication does not hold: never read, never answered. */
export class NexoSecurityError extends TillboxError {
  constructor(message: string, cause?: unknown) {
    super('device-unavailable', message, cause === undefined ? {} : { cause });
    this.name = 'NexoSecurityError';
  }
}

const base64 = z.string().min(1).max(MAX_NEXO_BLOB_CHARS);

/** The secured envelope as it arrives (before anything in it is trusted). */
export const securedMessageSchema = z.object({
  MessageHeader: z.record(z.string(), z.unknown()),
  NexoBlob: base64,
  SecurityTrailer: z.object({
    AdyenCryptoVersion: z.number().int(),
    KeyIdentifier: z.string().min(1).max(128),
    KeyVersion: z.number().int(),
    Nonce: z.string().min(1).max(64),
    Hmac: z.string().min(1).max(128),
  }),
});

/** Seals and opens Terminal API messages with one shared key. Constructing does no work. */
export class NexoCipher {
  private derived: DerivedKey | undefined;

  constructor(private readonly key: NexoKey) {
    if (!key.keyIdentifier || !key.passphrase || !Number.isInteger(key.keyVersion)) {
      throw new TillboxError(
        'validation',
        'The terminal key needs an identifier, a passphrase and a whole version number',
      );
    }
  }

  private get keys(): DerivedKey {
    if (!this.derived) {
      // The library types its three buffers as `any`.
      const { cipherKey, hmacKey, iv } = NexoDerivedKeyGenerator.deriveKeyMaterial(this.key.passphrase) as {
        cipherKey: unknown;
        hmacKey: unknown;
        iv: unknown;
      };
      if (!Buffer.isBuffer(cipherKey) || !Buffer.isBuffer(hmacKey) || !Buffer.isBuffer(iv)) {
        throw new Error('the nexo key derivation gave no key material');
      }
      this.derived = { cipherKey, hmacKey, iv };
    }
    return this.derived;
  }

  /** `message` (a whole `{SaleToPOIRequest: …}` or `{SaleToPOIResponse: …}`) as a secured message. */
  seal(header: NexoHeader, message: unknown): SecuredMessage {
    const plain = Buffer.from(JSON.stringify(message), 'utf8');
    const nonce = randomBytes(IV_LENGTH);
    const { cipherKey, hmacKey } = this.keys;
    const cipher = createCipheriv('aes-256-cbc', cipherKey, this.ivFor(nonce));
    const blob = Buffer.concat([cipher.update(plain), cipher.final()]);
    return {
      MessageHeader: header,
      NexoBlob: blob.toString('base64'),
      SecurityTrailer: {
        AdyenCryptoVersion: this.key.cryptoVersion ?? 1,
        KeyIdentifier: this.key.keyIdentifier,
        KeyVersion: this.key.keyVersion,
        Nonce: nonce.toString('base64'),
        Hmac: createHmac('sha256', hmacKey).update(plain).digest('base64'),
      },
    };
  }

  /**
   * The plain text of a secured message, parsed as JSON. Refuses (NexoSecurityError) a message
   * sealed with another key, one that does not decrypt, and one whose HMAC does not match: a
   * single changed bit anywhere in the blob, the nonce or the HMAC is refused.
   */
  open(secured: unknown): unknown {
    const parsed = securedMessageSchema.safeParse(secured);
    if (!parsed.success) throw new NexoSecurityError('The message is not an encrypted Terminal API message');
    const { NexoBlob, SecurityTrailer: trailer } = parsed.data;
    if (trailer.KeyIdentifier !== this.key.keyIdentifier || trailer.KeyVersion !== this.key.keyVersion) {
      throw new NexoSecurityError(
        `The message is encrypted with key ${trailer.KeyIdentifier} version ${trailer.KeyVersion}, not the store's ${this.key.keyIdentifier} version ${this.key.keyVersion}`,
      );
    }
    const nonce = Buffer.from(trailer.Nonce, 'base64');
    const hmac = Buffer.from(trailer.Hmac, 'base64');
    if (nonce.length !== IV_LENGTH || hmac.length !== HMAC_LENGTH) {
      throw new NexoSecurityError('The message has a malformed security trailer');
    }
    const { cipherKey, hmacKey } = this.keys;
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', cipherKey, this.ivFor(nonce));
      plain = Buffer.concat([decipher.update(Buffer.from(NexoBlob, 'base64')), decipher.final()]);
    } catch (err) {
      throw new NexoSecurityError('The message does not decrypt with the shared key', err);
    }
    const expected = createHmac('sha256', hmacKey).update(plain).digest();
    if (!timingSafeEqual(expected, hmac)) throw new NexoSecurityError('The message failed its HMAC check');
    try {
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch (err) {
      throw new NexoSecurityError('The decrypted message is not JSON', err);
    }
  }

  private ivFor(nonce: Buffer): Buffer {
    const iv = Buffer.alloc(IV_LENGTH);
    const base = this.keys.iv;
    for (let i = 0; i < IV_LENGTH; i++) iv[i] = (base[i] ?? 0) ^ (nonce[i] ?? 0);
    return iv;
  }
}
