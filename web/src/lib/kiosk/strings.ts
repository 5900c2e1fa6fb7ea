/**
 * The kiosk's own words in each language it offers. Menu names come from the catalog
 * (`localize`); everything else a guest reads is here, one file per language.
 */
import type { DietaryFilter, Language } from '@tillbox/core';
import { en } from './strings-en.js';
import { es } from './strings-es.js';
import { ko } from './strings-ko.js';

export interface KioskStrings {
  languageName: string;
  language: string;
  categories: string;
  menu: string;
  from: (price: string) => string;
  soldOut: string;
  calories: (n: number) => string;
  loadingMenu: string;
  menuUnavailable: string;
  tryAgain: string;
  size: string;
  required: string;
  optional: string;
  choose: (min: number, max: number) => string;
  none: string;
  quantity: string;
  decreaseQuantity: string;
  increaseQuantity: string;
  addToOrder: string;
  cancel: string;
  each: string;
  contains: string;
  yourOrder: string;
  emptyCart: string;
  remove: string;
  subtotal: string;
  tax: string;
  total: string;
  items: (n: number) => string;
  orderType: string;
  takeout: string;
  dineIn: string;
  guestName: string;
  placeOrder: string;
  placing: string;
  clearOrder: string;
  stillTrying: string;
  notConfirmed: string;
  payTitle: string;
  payPrompt: string;
  pay: (amount: string) => string;
  paying: string;
  checkingPayment: string;
  paymentUnknown: string;
  checkPayment: string;
  cancelOrder: string;
  cancelling: string;
  thankYou: string;
  orderNumberBefore: string;
  orderNumberAfter: string;
  watchBoard: string;
  startNewOrder: string;
  returning: (seconds: number) => string;
  // The attract screen, accessibility mode and the top bar
  brand: string;
  attractTitle: string;
  attractSubtitle: string;
  touchToOrder: string;
  highlights: string;
  accessibility: string;
  accessibilityHint: string;
  // The menu
  dietary: string;
  diets: Readonly<Record<DietaryFilter, string>>;
  noMatches: string;
  caloriesLong: (n: number) => string;
  allergenNames: Readonly<Record<string, string>>;
  noAllergens: string;
  // The order bar and the cart sheet
  reviewAndPay: string;
  orderSummary: (count: number, total: string) => string;
  backToMenu: string;
  removeItem: (name: string) => string;
  decreaseItem: (name: string) => string;
  increaseItem: (name: string) => string;
  quantityOf: (name: string, n: number) => string;
  clearOrderQuestion: string;
  clearOrderBody: string;
  keepOrder: string;
  // Upsell
  upsellItem: (name: string) => string;
  upsellSize: (size: string) => string;
  upsellCombo: (name: string) => string;
  upsellMore: (price: string) => string;
  add: string;
  noThanks: string;
  // What a screen reader hears
  added: (name: string, total: string) => string;
  totalNow: (total: string) => string;
  orderNumberIs: (n: number) => string;
  // Idle
  stillThere: string;
  clearingIn: (seconds: number) => string;
  stillHere: string;
  startOver: string;
  // Confirmation
  moreTime: string;
  // Paying while the store system cannot be reached
  offlineTitle: string;
  offlinePaying: string;
  offlineCancelling: string;
  // Loyalty: the guest's rewards card or phone number, their points, the rewards they redeem
  loyalty: {
    prompt: string;
    scanOrPhone: string;
    phone: string;
    find: string;
    looking: string;
    deleteDigit: string;
    close: string;
    hello: (name: string) => string;
    points: (n: number) => string;
    estimate: string;
    cost: (n: number) => string;
    redeem: string;
    redeemed: string;
    notYou: string;
  };
}

/**
 * Every language's words at once, for tests and tools. The kiosk itself starts with English and
 * fetches another language when it is chosen (./kiosk-words.svelte.ts).
 */
export const KIOSK_STRINGS: Readonly<Record<Language, KioskStrings>> = { en, es, ko };

export { LOCALES } from './languages.js';
