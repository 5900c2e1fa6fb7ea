/**
 * Who a loyalty member is, as the screens, the store box and the cloud identify them: the text of
 * their loyalty card's QR code (a secret the cloud makes), or their phone number in one normal
 * form. The store box keeps neither as given: it keeps the HMAC-SHA256 of {@link memberKey} keyed
 * with the chain's member key (`loyalty.memberHashKey`, the same secret on the cloud and every
 * store), which the cloud also sends with a member's balance, so a guest looked up once by card is
 * found by phone while the cloud is away, and the other way round. Keyed, a stolen store box's
 * log cannot be turned back into phone numbers by hashing every number there is.
 */
import { z } from 'zod';
import type { LoyaltyRules } from '../commerce/rules-schema.js';

/** What every loyalty card's QR code starts with (a code of another kind is a menu barcode). */
export const MEMBER_QR_PREFIX = 'TBXM1-';

const QR_PATTERN = /^TBXM1-[A-Za-z0-9_-]{16,64}$/;

/** A loyalty card's QR code: the prefix and 16–64 URL-safe characters. */
export const memberQrSchema = z
  .string()
  .trim()
  .regex(QR_PATTERN, 'a loyalty card code starts with TBXM1- followed by 16 to 64 letters, digits, - or _');

/** Is this scanned text a loyalty card (and not an item's barcode)? */
export function isMemberQr(text: string): boolean {
  return QR_PATTERN.test(text.trim());
}

/**
 * A phone number in E.164 form (`+` and 8–15 digits), or undefined when it cannot be one.
 * Spaces, dots, dashes and brackets are ignored; `+` or `00` starts an international number;
 * any other number is national: a leading trunk `0` is dropped and `callingCode` (the store's
 * country, e.g. "1") put in front. Without a calling code a national number is taken as written.
 */
export function normalisePhone(raw: string, callingCode = ''): string | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 32 || !/^\+?[\d\s().-]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  let e164: string;
  if (text.startsWith('+')) e164 = digits;
  else if (digits.startsWith('00')) e164 = digits.slice(2);
  else e164 = callingCode.replace(/\D/g, '') + (callingCode === '' ? digits : digits.replace(/^0/, ''));
  return /^[1-9]\d{7,14}$/.test(e164) ? `+${e164}` : undefined;
}

export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{7,14}$/, 'a phone number in E.164 form: + then the country code and number');

/**
 * The text whose HMAC-SHA256 (hex, keyed with {@link memberHashKey}) names a member's phone or card
 * in the store box's cache.
 */
export function memberKey(kind: 'phone' | 'qr', value: string): string {
  return `tillbox-member:${kind}:${value.trim()}`;
}

/** The member key of the demo chain: what an empty `loyalty.memberHashKey` means (never a real chain's). */
export const DEMO_MEMBER_HASH_KEY = 'tillbox-demo-chain-member-key';

/** The key members' phones and cards are hashed with: the chain's setting, or the demo chain's when it is empty. */
export function memberHashKey(setting: string): string {
  return setting === '' ? DEMO_MEMBER_HASH_KEY : setting;
}

/** The setting of the chain's member key: empty (the demo chain's) or 16 to 256 characters. */
export const memberHashKeySettingSchema = z
  .string()
  .regex(/^(?:|[\x21-\x7e]{16,256})$/, 'empty (the demo key), or 16 to 256 printable characters without spaces');

/** An HMAC-SHA256 in hex: how the store box keeps a member's phone and card. */
export const keyHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'an HMAC-SHA256 in hex');

/**
 * The tier a member is in: the one with the highest `minPoints` reached by the points earned in
 * the last year (tiers without `minPoints` are never reached by points). Undefined: no tier.
 */
export function tierOf(loyalty: LoyaltyRules | undefined | null, pointsEarnedInYear: number): string | undefined {
  let best: { id: string; min: number } | undefined;
  for (const tier of loyalty?.tiers ?? []) {
    if (tier.minPoints === undefined || tier.minPoints > pointsEarnedInYear) continue;
    if (!best || tier.minPoints > best.min) best = { id: tier.id, min: tier.minPoints };
  }
  return best?.id;
}
