/**
 * A self-signed TLS certificate made with node:crypto alone (no openssl binary, no package):
 * a P-256 key and an X.509 v3 certificate written in DER by hand — version, serial, issuer and
 * subject (one common name), validity, the public key, basic constraints (it is its own CA, so
 * a client can trust exactly it) and subject alternative names — signed ECDSA with SHA-256.
 * The virtual terminal makes one at every start; the edge trusts that one certificate only.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  subjectAltName: '2.5.29.17',
} as const;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, content: Buffer): Buffer =>
  Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 + n, content);
const octets = (content: Buffer): Buffer => tlv(0x04, content);
const bits = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

function integer(value: Buffer): Buffer {
  const v = (value[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value;
  return tlv(0x02, v);
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [a * 40 + b];
  for (const n of rest) {
    const chunk: number[] = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

const name = (cn: string): Buffer => seq(set(seq(oid(OID.commonName), tlv(0x0c, Buffer.from(cn, 'utf8')))));

function utcTime(at: Date): Buffer {
  const two = (n: number) => String(n).padStart(2, '0');
  const text =
    two(at.getUTCFullYear() % 100) +
    two(at.getUTCMonth() + 1) +
    two(at.getUTCDate()) +
    two(at.getUTCHours()) +
    two(at.getUTCMinutes()) +
    two(at.getUTCSeconds()) +
    'Z';
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function altName(host: string): Buffer {
  if (isIP(host) === 4) return tlv(0x87, Buffer.from(host.split('.').map(Number)));
  return tlv(0x82, Buffer.from(host, 'ascii'));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export interface SelfSigned {
  /** The certificate, PEM: give it to the server and, as its only trusted CA, to the client. */
  cert: string;
  /** The private key, PKCS#8 PEM (held in memory only). */
  key: string;
}

/**
 * A certificate for `commonName`, valid from an hour ago for `days`, naming `hosts` (DNS names or
 * IPv4 addresses) as alternative names.
 */
export function selfSignedCertificate(options: {
  commonName: string;
  hosts?: readonly string[];
  days?: number;
  now?: number;
}): SelfSigned {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = options.now ?? Date.now();
  const serial = randomBytes(16);
  // Positive and minimal in DER: a leading 0x00 before a byte below 0x80 is "illegal padding" to OpenSSL.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const hosts = options.hosts ?? ['localhost', '127.0.0.1'];
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name(options.commonName),
    seq(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + (options.days ?? 825) * 86_400_000))),
    name(options.commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        seq(oid(OID.basicConstraints), TRUE, octets(seq(TRUE))),
        seq(oid(OID.subjectAltName), octets(seq(...hosts.map(altName)))),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey);
  return {
    cert: pem('CERTIFICATE', seq(tbs, algorithm, bits(signature))),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
