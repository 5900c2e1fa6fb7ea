/**
 * axe-core run in a page as it is now, with the WCAG 2.0–2.2 A and AA rules: the accessibility check
 * every screen's browser tests share.
 *
 * axe is injected and run the way `@axe-core/playwright` runs it without frames (its "legacy" mode):
 * its source evaluated in the page over the DevTools protocol, which the page's CSP does not govern,
 * then `axe.run`. That package is not used because it declares Node ≥ 22.12, and the project keeps
 * to Node 20.19. Our screens have no frames; a page with one fails here rather than go half-checked.
 */
import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** What axe finds against WCAG 2.2 AA in the page, or only inside the elements `include` selects. */
export async function axeViolations(page: Page, include?: string): Promise<axe.Result[]> {
  expect(
    page.frames().map((f) => f.url()),
    'axe runs in the page itself: a frame would go unchecked',
  ).toHaveLength(1);
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    ([tags, selector]) => {
      const inPage = (globalThis as unknown as { axe: typeof axe }).axe;
      const options: axe.RunOptions = { runOnly: { type: 'tag', values: tags } };
      return selector === null ? inPage.run(options) : inPage.run(selector, options);
    },
    [WCAG_22_AA, include ?? null] as const,
  );
  return results.violations;
}
