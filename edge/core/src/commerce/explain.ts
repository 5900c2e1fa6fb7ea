/**
 * Words for people: "Happy hour: 20% off Drinks, −$1.10". Number formatters are cached per
 * locale and currency, because building one costs more than pricing a line.
 */
import { localize } from '../i18n.js';
import { currencyDigits } from '../money.js';
import { formatPpm, type Selector } from './common.js';
import type { PricingEngine } from './compile.js';
import type { Promotion, Reward, SpendThreshold } from './rules-schema.js';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = currencyDigits(currency);
    const options: Intl.NumberFormatOptions = {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    };
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

const formatted = new Map<string, string>();

/** `$12.34` for 1234 USD minor units. */
export function formatAmount(amount: number, currency: string, locale = 'en'): string {
  const key = `${locale}|${currency}|${amount}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = numberFormat(locale, currency).format(amount / 10 ** currencyDigits(currency));
    // A small memo: promotions repeat the same few amounts; never let it grow without bound.
    if (formatted.size >= 5000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** The names a selector picks lines by: categories, items, then tags by their display names. */
export function selectorNames(engine: PricingEngine, s: Selector, lang: string): string[] {
  return [
    ...s.categoryIds.map((id) => {
      const c = engine.categories.get(id);
      return c ? localize(c.name, lang) : id;
    }),
    ...s.itemIds.map((id) => {
      const i = engine.items.get(id);
      return i ? localize(i.name, lang) : id;
    }),
    ...s.tags.map((t) => {
      const name = engine.tagNames.get(t);
      return name ? localize(name, lang) : t;
    }),
  ];
}

/** "Drinks, Food" (at most three, then "…"); empty for every line. */
function describeSelector(engine: PricingEngine, s: Selector, lang: string): string {
  if (s.all) return '';
  const names = selectorNames(engine, s, lang);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}…` : names.join(', ');
}

/** "Wine", "Wine or Beer", "Wine, Beer or Cider" (at most three, then "or others"). */
export function orList(names: readonly string[]): string {
  if (names.length > 3) return `${names.slice(0, 3).join(', ')} or others`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/**
 * Text compared without case, punctuation or whole-unit cents, so "Happy hour" is found in
 * "Happy Hour 50% off" and "up to $5" in "up to $5.00".
 */
function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d)[.,]0+(?!\d)/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `text` already says `part` (as words, ignoring case and punctuation). */
function says(text: string, part: string): boolean {
  return ` ${normalized(text)} `.includes(` ${normalized(part)} `);
}

/** "over $30.00" or "$30.00 or more". */
function spendPhrase(t: SpendThreshold, money: (n: number) => string): string {
  return t.comparison === 'more-than' ? `over ${money(t.amount)}` : `${money(t.amount)} or more`;
}

/**
 * Why a threshold stopped a promotion, for support: "Big order saving needs more than $30.00 of
 * qualifying items before discounts; the cart has $28.50".
 */
export function spendMessage(
  name: string,
  t: SpendThreshold,
  measured: number,
  currency: string,
  lang: string,
): string {
  const money = (n: number): string => formatAmount(n, currency, lang);
  const needs = t.comparison === 'more-than' ? `more than ${money(t.amount)}` : `${money(t.amount)} or more`;
  const on = t.measuredOn === 'subtotal-before-discounts' ? 'before discounts' : 'after earlier promotions';
  return `${name} needs ${needs} of qualifying items ${on}; the cart has ${money(measured)}`;
}

/** What a promotion gives, e.g. "20% off Drinks" or "3 for $10.00"; its own label when it has one. */
export function promotionLabel(engine: PricingEngine, p: Promotion, lang: string): string {
  if (p.label) return localize(p.label, lang);
  const money = (n: number): string => formatAmount(n, engine.currency, lang);
  const on = (s: Selector): string => {
    const d = describeSelector(engine, s, lang);
    return d === '' ? '' : ` ${d}`;
  };
  const e = p.effect;
  const spend = p.conditions.spend;
  if (spend && (e.kind === 'percent-off' || e.kind === 'amount-off') && e.appliesTo.all) {
    // "$5.00 off orders over $30.00", "10% off orders of $30.00 or more".
    const off = e.kind === 'percent-off' ? formatPpm(e.percentPpm) : money(e.amount);
    const each = e.kind === 'amount-off' && e.per === 'unit' ? ' each item on' : '';
    const phrase = spend.comparison === 'more-than' ? spendPhrase(spend, money) : `of ${spendPhrase(spend, money)}`;
    return `${off} off${each} orders ${phrase}`;
  }
  const when = spend ? ` when they come to ${spendPhrase(spend, money)}` : '';
  return `${effectLabel(e, on, money)}${when}`;
}

function effectLabel(e: Promotion['effect'], on: (s: Selector) => string, money: (n: number) => string): string {
  switch (e.kind) {
    case 'percent-off':
      return `${formatPpm(e.percentPpm)} off${on(e.appliesTo)}`;
    case 'amount-off':
      return e.per === 'unit'
        ? `${money(e.amount)} off each${on(e.appliesTo)}`
        : `${money(e.amount)} off${on(e.appliesTo)}`;
    case 'buy-x-get-y': {
      const deal = e.get.percentPpm === 1_000_000 ? 'free' : `${formatPpm(e.get.percentPpm)} off`;
      return `buy ${e.buy.quantity}${on(e.buy.appliesTo)}, get ${e.get.quantity}${on(e.get.appliesTo)} ${deal}`;
    }
    case 'multi-buy': {
      const what = on(e.appliesTo);
      return `${e.quantity} for ${money(e.price)}${what === '' ? '' : ` on${what}`}`;
    }
    case 'bundle-price':
      return `bundle for ${money(e.price)}`;
  }
}

/**
 * A promotion's terms, which its label may leave out: its cap and the lines it never touches
 * ("up to $5.00", "not on Alcohol"), each unless the label already says it.
 */
function withTerms(engine: PricingEngine, p: Promotion, label: string, lang: string): string {
  let text = label;
  if (p.maxDiscount !== undefined) {
    const cap = `up to ${formatAmount(p.maxDiscount, engine.currency, lang)}`;
    if (!says(text, cap)) text += `, ${cap}`;
  }
  const excluded = p.exclude.all ? ['anything'] : selectorNames(engine, p.exclude, lang);
  if (excluded.length > 0) {
    const not = `not on ${orList(excluded)}`;
    if (!says(text, not)) text += `; ${not}`;
  }
  return text;
}

/**
 * A promotion as a person reads it aloud: its name, the coupon code, and what it gives with its
 * terms — "Weekend: 20% off, up to $5.00; not on Alcohol". When the name and the label say the
 * same thing ("Happy hour" and "Happy hour 50% off") it is said once.
 */
export function promotionText(engine: PricingEngine, p: Promotion, lang: string): string {
  const name = localize(p.name, lang);
  const label = withTerms(engine, p, promotionLabel(engine, p, lang), lang);
  const code = p.coupon ? ` (${p.coupon.code.toUpperCase()})` : '';
  if (says(label, name)) return `${label}${code}`;
  if (says(name, label)) return `${name}${code}`;
  return `${name}${code}: ${label}`;
}

/** "at most $20.00 off an order", "at most 25% of the subtotal off an order", or both. */
export function orderLimitText(engine: PricingEngine, lang: string): string {
  const cap = engine.rules.maxDiscount;
  const amount = cap?.amount === undefined ? undefined : formatAmount(cap.amount, engine.currency, lang);
  const share = cap?.percentPpm === undefined ? undefined : `${formatPpm(cap.percentPpm)} of the subtotal`;
  if (amount !== undefined && share !== undefined)
    return `at most ${amount} or ${share} off an order, whichever is less`;
  return `at most ${amount ?? share ?? 'nothing'} off an order`;
}

/**
 * "Happy hour: 20% off Drinks, −$1.10". A promotion cut down by its own cap says so in its terms
 * ("up to $5.00"); one cut down by the order's limit names that limit.
 */
export function explainPromotion(
  engine: PricingEngine,
  p: Promotion,
  amount: number,
  cappedBy: 'promotion' | 'order' | undefined,
  lang: string,
): string {
  const cap = cappedBy === 'order' ? ` (capped: ${orderLimitText(engine, lang)})` : '';
  return `${promotionText(engine, p, lang)}${cap}, −${formatAmount(amount, engine.currency, lang)}`;
}

/** "Reward — Free drink: 150 points, −$4.75". */
export function explainReward(engine: PricingEngine, r: Reward, amount: number, lang: string): string {
  return `Reward — ${localize(r.name, lang)}: ${r.points} points, −${formatAmount(amount, engine.currency, lang)}`;
}

/**
 * A discount or comp given by staff: "Discount: regular — 10%, −$0.48",
 * "Discount: late order — $2.00 off, −$2.00", "Comp (Iced latte): cold drink — 100%, −$4.75".
 */
export function explainManual(
  engine: PricingEngine,
  m: { kind: 'percent' | 'amount' | 'comp'; value?: number | undefined; reason: string },
  amount: number,
  lineName: string | undefined,
  lang: string,
): string {
  const money = (n: number): string => formatAmount(n, engine.currency, lang);
  const what = m.kind === 'comp' ? 'Comp' : 'Discount';
  const on = lineName === undefined ? '' : ` (${lineName})`;
  const how =
    m.kind === 'comp' ? '100%' : m.kind === 'percent' ? formatPpm(m.value ?? 0) : `${money(m.value ?? 0)} off`;
  return `${what}${on}: ${m.reason} — ${how}, −${money(amount)}`;
}

/** "Price override (Latte): $4.75 → $3.00 each, regular customer". */
export function explainPriceOverride(
  engine: PricingEngine,
  o: { from: number; to: number; reason: string },
  lineName: string,
  lang: string,
): string {
  const money = (n: number): string => formatAmount(n, engine.currency, lang);
  return `Price override (${lineName}): ${money(o.from)} → ${money(o.to)} each, ${o.reason}`;
}
