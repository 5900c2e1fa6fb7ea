/**
 * A loyalty card's QR code read by a keyboard-wedge scanner (the counter's, the kiosk's): `TBXM1-` and 16–64
 * letters, digits, `-` and `_`, typed far faster than anyone types, then Enter. The counter's own
 * scanner detector reads digits only, and `-` and Enter are counter keys (one less, new order), so
 * this one listens first: once a fast burst has typed the card's prefix it takes every key of the
 * burst (the screen swallows them) and reports the code at its Enter. The prefix's first five
 * characters went through as ordinary keys; the screen takes them back out of a focused field.
 *
 * Pure: no DOM. The screen feeds it `KeyboardEvent.key` and `KeyboardEvent.timeStamp`.
 */
import { isMemberQr, MEMBER_QR_PREFIX } from '@tillbox/core';

export type MemberScanVerdict =
  /** Not the card's: let the key do what it does. */
  | { readonly kind: 'pass' }
  /** Part of a card's code: swallow it. */
  | { readonly kind: 'swallow' }
  /** This Enter closes a card's code: swallow it and look the member up. */
  | { readonly kind: 'card'; readonly code: string; readonly passed: string }
  /** The burst looked like a card but is not one (cut short, or too long): say so. */
  | { readonly kind: 'unreadable' };

/** Longest gap (ms) between two keys of one scan, as the counter's scanner detector. */
const MAX_GAP_MS = 50;
const MAX_LENGTH = MEMBER_QR_PREFIX.length + 64;
const IGNORED = new Set(['Shift', 'CapsLock']);
const PASS: MemberScanVerdict = { kind: 'pass' };
const SWALLOW: MemberScanVerdict = { kind: 'swallow' };

export class MemberScanDetector {
  #run = '';
  #last = Number.NEGATIVE_INFINITY;
  #capturing = false;

  /** A key was pressed at `at` (ms). */
  feed(key: string, at: number): MemberScanVerdict {
    const fast = at - this.#last <= MAX_GAP_MS;
    if (IGNORED.has(key)) return this.#capturing ? SWALLOW : PASS;
    if (key === 'Enter') {
      const capturing = this.#capturing && fast;
      const code = this.#run;
      this.reset();
      if (!capturing) return PASS;
      return isMemberQr(code) ? { kind: 'card', code, passed: MEMBER_QR_PREFIX.slice(0, -1) } : { kind: 'unreadable' };
    }
    if (key.length !== 1 || (this.#capturing && !fast)) {
      const was = this.#capturing;
      this.reset();
      // A capture cut short: the keys taken were not the person's.
      return was ? { kind: 'unreadable' } : PASS;
    }
    this.#run = fast ? this.#run + key : key;
    this.#last = at;
    if (this.#capturing) {
      if (this.#run.length > MAX_LENGTH) {
        this.reset();
        return { kind: 'unreadable' };
      }
      return SWALLOW;
    }
    if (this.#run === MEMBER_QR_PREFIX) {
      this.#capturing = true;
      return SWALLOW;
    }
    return PASS;
  }

  reset(): void {
    this.#run = '';
    this.#last = Number.NEGATIVE_INFINITY;
    this.#capturing = false;
  }
}
