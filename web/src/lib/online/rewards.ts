/**
 * The guest's rewards card on the online page: its code (the text of the card's QR code, which
 * the guest types or pastes once and the page remembers on this device), and its points from the
 * cloud (`POST /loyalty/card`). The member goes into the cart, so the order is placed for them and
 * earns them points when the store has it paid; the rewards they choose are priced on the page
 * with the store's rules (the shared sale library), then by the cloud's quote against their
 * balance, and the card goes with the order to prove who is spending the points.
 */
import { memberQrSchema } from '@tillbox/core';
import { z } from 'zod';
import type { CartLoyalty } from '$lib/sale/cart.js';
import { cloudCall } from './cloud-api.js';

export const cardBalanceSchema = z.object({
  memberId: z.string(),
  name: z.string().optional(),
  points: z.int(),
  tierId: z.string().optional(),
});
export type CardBalance = z.infer<typeof cardBalanceSchema>;

const KEY = 'tillbox.rewards-card';

/** The card's points at this store's rules; `validation` for text that is no card code. */
export function cardBalance(code: string, storeId: string, fetcher?: typeof fetch): Promise<CardBalance> {
  const parsed = memberQrSchema.safeParse(code);
  if (!parsed.success) return Promise.reject(new Error('That is not a rewards card code: it starts with TBXM1-.'));
  return cloudCall('POST', '/loyalty/card', cardBalanceSchema, { code: parsed.data, storeId }, fetcher);
}

/** The cart's loyalty for the card's member (keeping the rewards already chosen for them). */
export function cartLoyaltyOfCard(card: CardBalance, before?: CartLoyalty): CartLoyalty {
  return {
    memberId: card.memberId,
    ...(card.tierId ? { tierId: card.tierId } : {}),
    points: card.points,
    rewards: before?.memberId === card.memberId ? before.rewards : [],
    ...(card.name ? { name: card.name } : {}),
  };
}

export const savedCard = {
  get: (): string | undefined => globalThis.localStorage?.getItem(KEY) ?? undefined,
  set: (code: string): void => globalThis.localStorage?.setItem(KEY, code),
  forget: (): void => globalThis.localStorage?.removeItem(KEY),
};
