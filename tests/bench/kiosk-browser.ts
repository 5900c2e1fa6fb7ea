/**
 * A paired kiosk page in Debian's Chromium for the speed-budget bench: a fresh browser context
 * (empty cache, as a kiosk after a restart), the portrait kiosk's screen, CPU throttling through
 * the DevTools protocol, every response's bytes on the wire, and the moment the menu became
 * interactive, recorded by the page itself.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';

/** The portrait self-order kiosk (1080×1920, touch). */
export const KIOSK_SCREEN = { width: 1080, height: 1920 } as const;

/** DevTools' "4× slowdown": the budget's low-end kiosk computer. */
export const SLOW_CPU = 4;

/**
 * "Interactive", concretely: in one animation frame, the first category button is enabled and
 * shown, and a menu item card is enabled, inside the screen and the element at its centre is the
 * card itself (nothing covers it), so a tap there would choose the item.
 *
 * A kiosk that opens on its attract screen is tapped ("Touch to order", the attract screen's
 * start button) in the first frame that button is tappable, as the quickest guest would; both
 * moments are kept. Written as plain JS source: the page runs it from before the app's first
 * script, checking every frame; `__benchInteractive` resolves to `{ menuAt, attractAt }`, each
 * that frame's `performance.now()` (ms since navigation start; attractAt null without one).
 */
const WATCH_INTERACTIVE = `(() => {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  };
  const tappable = (el) => {
    if (el.disabled || !shown(el)) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + r.height / 2, innerHeight - 1));
    return hit !== null && el.contains(hit);
  };
  const menuReady = () => {
    const category = document.querySelector('button[data-category-id]');
    if (!category || category.disabled || !shown(category)) return false;
    for (const item of document.querySelectorAll('[data-testid="menu-item"]')) if (tappable(item)) return true;
    return false;
  };
  let attractAt = null;
  window.__benchInteractive = new Promise((resolve) => {
    const tick = () => {
      if (menuReady()) return resolve({ menuAt: performance.now(), attractAt });
      const attract = document.querySelector('[data-testid="attract"]');
      const start = attract && (attract.querySelector('button.start') || attract.querySelector('button'));
      if (attractAt === null && start && tappable(start)) {
        attractAt = performance.now();
        start.click();
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();`;

/** One response as the browser received it. */
export interface ResponseRecord {
  url: string;
  /** DevTools resource type: Document, Script, Stylesheet, Fetch, Image, Font, Other... */
  type: string;
  status: number;
  /** Content-Encoding it came in (br, gzip), or 'identity'. */
  encoding: string;
  headerBytes: number;
  /** Body bytes on the wire (compressed when it came compressed). */
  bodyBytes: number;
  /** Body bytes after decoding. */
  decodedBytes: number;
  /** When the last byte arrived, ms after the page's first request. */
  doneMs: number;
}

/** Records every response of a page from the DevTools Network domain. */
export class NetworkLog {
  private readonly open = new Map<string, ResponseRecord>();
  /** The first request's DevTools timestamp (s, monotonic): the navigation. */
  private firstRequestAt: number | undefined;
  readonly finished: ResponseRecord[] = [];

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      this.firstRequestAt ??= e.timestamp;
    });
    cdp.on('Network.responseReceived', (e) => {
      const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
      this.open.set(e.requestId, {
        url: e.response.url,
        type: e.type,
        status: e.response.status,
        encoding: String(encoding?.[1] ?? 'identity'),
        headerBytes: e.response.encodedDataLength,
        bodyBytes: 0,
        decodedBytes: 0,
        doneMs: NaN,
      });
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = this.open.get(e.requestId);
      if (r) r.decodedBytes += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = this.open.get(e.requestId);
      if (!r) return;
      // The total counts the head too; what is left is the body as it travelled.
      r.bodyBytes = Math.max(0, e.encodedDataLength - r.headerBytes);
      r.doneMs = (e.timestamp - (this.firstRequestAt ?? e.timestamp)) * 1000;
      this.open.delete(e.requestId);
      this.finished.push(r);
    });
  }

  of(type: string): ResponseRecord[] {
    return this.finished.filter((r) => r.type === type);
  }
}

export interface KioskPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  network: NetworkLog;
  close(): Promise<void>;
}

/**
 * A new, empty browser context paired as a kiosk (demo store, from this machine), its CPU slowed
 * `cpuSlowdown` times, watching for the menu to become interactive. Navigate it yourself.
 */
export async function openKiosk(browser: Browser, baseUrl: string, cpuSlowdown: number): Promise<KioskPage> {
  const context = await browser.newContext({ viewport: KIOSK_SCREEN, hasTouch: true });
  try {
    const paired = await context.request.post(`${baseUrl}/api/v1/pairing/demo`, { data: { role: 'kiosk' } });
    if (paired.status() !== 201) throw new Error(`pairing the kiosk failed: ${paired.status()} ${await paired.text()}`);
    await context.addInitScript(WATCH_INTERACTIVE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const network = new NetworkLog(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    return { context, page, cdp, network, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Ms from navigation start until the menu, and the attract screen if there was one, were interactive. */
export interface Interactive {
  menuAt: number;
  attractAt: number | null;
}

/** When the kiosk became interactive (see WATCH_INTERACTIVE). */
export async function interactiveAt(page: Page, timeoutMs = 30_000): Promise<Interactive> {
  // One evaluation awaiting the page's promise (the app's CSP forbids the eval a polling wait uses).
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `the kiosk showed no enabled category button and tappable item card within ${timeoutMs} ms ` +
              '(if the kiosk now opens on another screen, teach WATCH_INTERACTIVE in tests/bench/kiosk-browser.ts)',
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return (await Promise.race([page.evaluate('window.__benchInteractive'), timeout])) as Interactive;
  } finally {
    clearTimeout(timer);
  }
}

/** Main-thread time by kind, from DevTools' Performance.getMetrics (ms, cumulative for the page). */
export const MAIN_THREAD = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'] as const;
export type MainThread = Record<(typeof MAIN_THREAD)[number], number>;

export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return Object.fromEntries(MAIN_THREAD.map((k) => [k, value(k)])) as MainThread;
}

/** First contentful paint, ms since navigation start (NaN if the page has not painted). */
export async function firstContentfulPaint(page: Page): Promise<number> {
  return Number(
    await page.evaluate(
      "performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN",
    ),
  );
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
