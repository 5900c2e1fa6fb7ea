/**
 * Checks the kiosk's browser tests run on every state: axe with the WCAG 2.2 AA tags, reach in
 * accessibility mode (every control a guest can touch in the lower half of the screen) and
 * reflow (nothing off screen or cut off at 400% zoom or 200% text).
 */
import { expect, type Page } from '@playwright/test';
import { axeViolations } from './axe.js';

/** axe finds no violation of WCAG 2.2 AA in the page as it is now. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const found = (await axeViolations(page)).map(
    (v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${state}`).toEqual([]);
}

/**
 * Browser-side code (run by `page.evaluate`, written as source: the tests compile without the
 * DOM's types). `name(el)` is what a control is called in a failure message.
 */
const NAME = `const name = (el) => el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 40) || el.tagName;`;

/** Controls a guest can touch now (visible, not under a sheet or a bar) that start in the upper half. */
const OUT_OF_REACH = `(() => {
  ${NAME}
  const half = window.innerHeight / 2;
  const out = [];
  for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue;
    const hit = document.elementFromPoint(x, y);
    const touchable = hit !== null && (hit === el || el.contains(hit) || hit.contains(el));
    if (touchable && r.top < half - 1) out.push(name(el) + ' at y=' + Math.round(r.top));
  }
  return out;
})()`;

/** Sideways overflow of the page, controls or text off screen, and words cut off. */
const REFLOW_PROBLEMS = `(() => {
  ${NAME}
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) out.push('the page is ' + doc.scrollWidth + 'px wide');
  for (const el of document.querySelectorAll('button, a[href], input, select, textarea, label, h1, h2, p')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    if (r.left < -1 || r.right > window.innerWidth + 1)
      out.push(name(el) + ' runs off screen (' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
    if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible')
      out.push(name(el) + ' is cut off (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
  return out;
})()`;

/** Every control a guest can touch now starts in the lower half of the screen (accessibility mode). */
export async function expectWithinReach(page: Page, state: string): Promise<void> {
  const outOfReach = (await page.evaluate(OUT_OF_REACH)) as string[];
  expect(outOfReach, `controls in the upper half on ${state}`).toEqual([]);
}

/**
 * Nothing runs off the screen sideways (the page never scrolls horizontally, every control is
 * within the width) and no control's words are cut off.
 */
export async function expectReflows(page: Page, state: string): Promise<void> {
  const problems = (await page.evaluate(REFLOW_PROBLEMS)) as string[];
  expect(problems, `reflow on ${state}`).toEqual([]);
}
