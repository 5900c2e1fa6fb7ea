/**
 * A big menu on the kiosk at 4× CPU slowdown: the load until interactive, then every category
 * opened (tap → next paint) and scrolled from top to bottom by a steady swipe (DevTools
 * `Input.synthesizeScrollGesture`), while the page samples every animation frame. Frame times
 * above 16.7 ms are frames a 60 Hz screen did not get. Prints; asserts nothing.
 *
 * The swipe is a precise wheel gesture: headless Chromium answers a synthetic touch gesture
 * without scrolling. Both scroll on the compositor; the page's frames are what is sampled.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import {
  interactiveAt,
  kb,
  MAIN_THREAD,
  mainThread,
  openKiosk,
  SLOW_CPU,
  type MainThread,
  type ResponseRecord,
} from './kiosk-browser.js';
import { percentile } from './order-latency.js';

const FRAME = 1000 / 60;
/** "Scrolls at 60 fps": nearly every frame delivered, and 95% of them on time (one vsync + jitter). */
const SMOOTH = { fps: 58, p95Ms: 18 } as const;
/** Scroll speed of the synthetic gesture, px/s: an unhurried swipe through the menu. */
const SCROLL_SPEED = 1200;

/** Page-side helpers, as plain JS source (the page runs them as they are). */
const START_SAMPLING = `(() => {
  const frames = (window.__benchFrames = []);
  const tick = (t) => { frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const openCategory = (index: number): string => `(async () => {
  const button = document.querySelectorAll('button[data-category-id]')[${index}];
  const start = performance.now();
  button.click();
  // The next paint: the frame that shows the category has been produced once a task after it runs.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { start, end: performance.now(), items: document.querySelectorAll('[data-testid="menu-item"]').length };
})()`;

/** The element that scrolls the most (the menu grid, or the page), and a point on it to swipe at. */
const FIND_SCROLLER = `(() => {
  let best = document.scrollingElement;
  let room = best.scrollHeight - best.clientHeight;
  for (const el of document.querySelectorAll('*')) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    if (el.scrollHeight - el.clientHeight > room) { best = el; room = el.scrollHeight - el.clientHeight; }
  }
  best.scrollTop = 0;
  window.__benchScroller = best;
  const r = best === document.scrollingElement ? { left: 0, top: 0, right: innerWidth, bottom: innerHeight } : best.getBoundingClientRect();
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  return { room, x: (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2, y: top + (bottom - top) * 0.75 };
})()`;

interface Window {
  start: number;
  end: number;
}

/** Frame intervals whose frame fell inside one of the windows. */
function intervalsWithin(frames: readonly number[], windows: readonly Window[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const t = frames[i] ?? 0;
    if (windows.some((w) => t > w.start && t <= w.end)) out.push(t - (frames[i - 1] ?? t));
  }
  return out;
}

interface FrameStats {
  p50: number;
  p95: number;
  max: number;
  frames: number;
  dropped: number;
  fps: number;
}

function frameStats(intervals: readonly number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const total = intervals.reduce((a, b) => a + b, 0);
  const dropped = intervals.reduce((a, dt) => a + Math.max(0, Math.round(dt / FRAME) - 1), 0);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    frames: intervals.length,
    dropped,
    fps: total > 0 ? (intervals.length * 1000) / total : NaN,
  };
}

interface Swipe extends Window {
  px: number;
  busy: MainThread;
}

async function swipeThrough(page: Page, cdp: CDPSession): Promise<Swipe> {
  const target = (await page.evaluate(FIND_SCROLLER)) as { room: number; x: number; y: number };
  const before = await mainThread(cdp);
  const start = Number(await page.evaluate('performance.now()'));
  if (target.room > 0) {
    await cdp.send('Input.synthesizeScrollGesture', {
      x: Math.round(target.x),
      y: Math.round(target.y),
      yDistance: -target.room,
      speed: SCROLL_SPEED,
      gestureSourceType: 'mouse',
      preventFling: true,
    });
  }
  const end = Number(await page.evaluate('performance.now()'));
  const after = await mainThread(cdp);
  const px = Number(await page.evaluate('window.__benchScroller.scrollTop'));
  const busy = Object.fromEntries(MAIN_THREAD.map((k) => [k, after[k] - before[k]])) as MainThread;
  return { start, end, px, busy };
}

/** One kiosk session on the big menu at one CPU setting. */
export interface MenuRun {
  cpuSlowdown: number;
  interactiveMs: number;
  categories: number;
  cardsShown: number;
  catalog: ResponseRecord | undefined;
  images: ResponseRecord[];
  /** Tap → next paint, per category, sorted. */
  openMs: number[];
  opening: FrameStats;
  scroll: FrameStats;
  scrolledPx: number;
  scrollMs: number;
  /** Main-thread ms spent while scrolling, by kind. */
  busy: MainThread;
}

export async function measureMenu(browser: Browser, baseUrl: string, cpuSlowdown: number): Promise<MenuRun> {
  const kiosk = await openKiosk(browser, baseUrl, cpuSlowdown);
  const { page, cdp, network } = kiosk;
  try {
    await page.goto(`${baseUrl}/kiosk`);
    const { menuAt: interactiveMs } = await interactiveAt(page);
    await page.waitForLoadState('networkidle');
    await page.evaluate(START_SAMPLING);
    const categories = await page.locator('button[data-category-id]').count();
    const opens: (Window & { items: number })[] = [];
    const swipes: Swipe[] = [];
    // Every category once, the one open at the start last (tapping it first would change nothing).
    for (const index of [...Array.from({ length: categories - 1 }, (_, i) => i + 1), 0]) {
      opens.push((await page.evaluate(openCategory(index))) as Window & { items: number });
      await page.waitForTimeout(300);
      swipes.push(await swipeThrough(page, cdp));
      await page.waitForTimeout(300);
    }
    const frames = (await page.evaluate('window.__benchFrames')) as number[];
    return {
      cpuSlowdown,
      interactiveMs,
      categories,
      cardsShown: opens.reduce((a, r) => a + r.items, 0),
      catalog: network.finished.find((r) => r.url.endsWith('/api/v1/catalog')),
      images: network.of('Image'),
      openMs: opens.map((r) => r.end - r.start).sort((a, b) => a - b),
      opening: frameStats(intervalsWithin(frames, opens)),
      scroll: frameStats(intervalsWithin(frames, swipes)),
      scrolledPx: swipes.reduce((a, s) => a + s.px, 0),
      scrollMs: swipes.reduce((a, s) => a + s.end - s.start, 0),
      busy: Object.fromEntries(MAIN_THREAD.map((k) => [k, swipes.reduce((a, s) => a + s.busy[k], 0)])) as MainThread,
    };
  } finally {
    await kiosk.close();
  }
}

const cpu = (slowdown: number): string => (slowdown === 1 ? 'not slowed' : `${slowdown}× slowdown`);

/** The big menu at 4× slowdown, and not slowed for reference: markdown lines. */
export async function benchMenuFrames(browser: Browser, baseUrl: string, items: number): Promise<string[]> {
  const slow = await measureMenu(browser, baseUrl, SLOW_CPU);
  const fast = await measureMenu(browser, baseUrl, 1);
  const { scroll } = slow;
  const smooth = scroll.fps >= SMOOTH.fps && scroll.p95 <= SMOOTH.p95Ms;
  const row = (r: MenuRun): string =>
    `| ${cpu(r.cpuSlowdown)} | ${r.scroll.frames} | ${r.scroll.fps.toFixed(1)} | ${r.scroll.p50.toFixed(1)} | ` +
    `${r.scroll.p95.toFixed(1)} | ${r.scroll.max.toFixed(1)} | ${r.scroll.dropped} | ` +
    `${((r.busy.TaskDuration / r.scrollMs) * 100).toFixed(0)}% (script ${r.busy.ScriptDuration.toFixed(0)}, ` +
    `style ${r.busy.RecalcStyleDuration.toFixed(0)}, layout ${r.busy.LayoutDuration.toFixed(0)}) |`;
  const opening = (r: MenuRun): string =>
    `median ${percentile(r.openMs, 50).toFixed(0)} ms, max ${(r.openMs[r.openMs.length - 1] ?? NaN).toFixed(0)} ms ` +
    `(${r.opening.dropped} frames dropped) ${cpu(r.cpuSlowdown)}`;
  return [
    `The demo's items copied to ${items} (${slow.categories} categories; ${slow.cardsShown} item cards shown in all),`,
    'same kiosk screen; every category opened, then scrolled top to bottom at ' +
      `${SCROLL_SPEED} px/s (${slow.scrolledPx.toFixed(0)} px in all).`,
    'Frames sampled with requestAnimationFrame in the page.',
    '',
    `- Menu interactive: ${slow.interactiveMs.toFixed(0)} ms at ${SLOW_CPU}× slowdown, ` +
      `${fast.interactiveMs.toFixed(0)} ms not slowed; the catalog answer: ` +
      `${slow.catalog ? `${kb(slow.catalog.bodyBytes)} on the wire (${slow.catalog.encoding})` : 'not seen'}; ` +
      `${slow.images.length} images fetched (${kb(slow.images.reduce((a, r) => a + r.bodyBytes, 0))}).`,
    `- Opening a category (tap → next paint): ${opening(slow)}; ${opening(fast)}.`,
    '',
    '| scrolling | frames | fps | frame p50 ms | frame p95 ms | max ms | dropped frames | main thread busy, ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row(slow),
    row(fast),
    '',
    `Goal — the ${items}-item menu scrolls at 60 fps at ${SLOW_CPU}× slowdown (taken as: ≥ ${SMOOTH.fps} fps and ` +
      `frame p95 ≤ ${SMOOTH.p95Ms} ms): ${scroll.fps.toFixed(1)} fps, p95 ${scroll.p95.toFixed(1)} ms: ` +
      `${smooth ? '**met**' : '**not met**'}.`,
  ];
}
