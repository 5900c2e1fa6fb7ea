/**
 * The guest's kiosk, walked in English, Spanish and Korean on a 1080×1920 portrait screen with
 * nothing but roles and accessible names: the attract screen, an item with its choices, the
 * upsell, a combo, accessibility mode, paying, the order number and an idle reset — and axe
 * (WCAG 2.2 AA tags) finds no violation in any of those states. A kiosk edge of its own runs
 * with short idle timings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatMoney, type Language } from '@tillbox/core';
import { KIOSK_STRINGS, LOCALES, type KioskStrings } from '../../web/src/lib/kiosk/strings.js';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';
import { expectNoAxeViolations, expectReflows, expectWithinReach } from './kiosk-checks.js';
import { pairScreen } from './screens.js';

/** Short enough to wait for, long enough that a step (with its axe run) never trips it. */
const IDLE = { idleSeconds: 10, countdownSeconds: 4 };

/** The demo menu's names in each language. */
const MENU: Record<Language, Record<string, string>> = {
  en: {
    espressoBar: 'Espresso Bar',
    latte: 'Caffè Latte',
    medium: 'Medium',
    oat: 'Oat milk',
    croissant: 'Butter Croissant',
    espresso: 'Espresso',
    combos: 'Combos',
    combo: 'Coffee & Pastry',
    coffeeSlot: 'Coffee',
    pastrySlot: 'Pastry',
    americano: 'Americano',
  },
  es: {
    espressoBar: 'Barra de espresso',
    latte: 'Café con leche',
    medium: 'Mediano',
    oat: 'Leche de avena',
    croissant: 'Cruasán de mantequilla',
    espresso: 'Espresso',
    combos: 'Combos',
    combo: 'Café y bollería',
    coffeeSlot: 'Café',
    pastrySlot: 'Bollería',
    americano: 'Americano',
  },
  ko: {
    espressoBar: '에스프레소',
    latte: '카페 라테',
    medium: '미디엄',
    oat: '귀리 우유',
    croissant: '버터 크루아상',
    espresso: '에스프레소',
    combos: '세트 메뉴',
    combo: '커피 & 페이스트리 세트',
    coffeeSlot: '커피',
    pastrySlot: '페이스트리',
    americano: '아메리카노',
  },
};

let edge: EdgeProcess;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tillbox-e2e-kiosk-'));
  edge = await startEdgeProcess({
    dataDir,
    env: {
      TILLBOX_KIOSK_IDLE_SECONDS: String(IDLE.idleSeconds),
      TILLBOX_KIOSK_IDLE_COUNTDOWN_SECONDS: String(IDLE.countdownSeconds),
      TILLBOX_KIOSK_CONFIRMATION_SECONDS: '60',
    },
  });
});
test.afterAll(async () => {
  await edge?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const containing = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** The kiosk's words and the demo menu's names in `lang`, and a money formatter. */
function words(lang: Language): { t: KioskStrings; m: Record<string, string>; money: (n: number) => string } {
  return {
    t: KIOSK_STRINGS[lang],
    m: MENU[lang],
    money: (amount) => formatMoney({ amount, currency: 'USD' }, LOCALES[lang]),
  };
}

async function openKiosk(page: Page): Promise<void> {
  await pairScreen(page, 'kiosk', edge.url);
  await page.goto(`${edge.url}/kiosk`);
}

/** Items of the current category (the menu's main landmark). */
const item = (page: Page, name: string) => page.getByRole('main').getByRole('button', { name: containing(name) });

async function chooseCategory(page: Page, t: KioskStrings, name: string): Promise<void> {
  const button = page.getByRole('navigation', { name: t.categories }).getByRole('button', { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

for (const lang of ['en', 'es', 'ko'] as const) {
  test(`a guest orders on the kiosk in ${lang}: attract, upsell, combo, accessibility mode, pay, number, idle reset`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const { t, m, money } = words(lang);
    await page.setViewportSize({ width: 1080, height: 1920 });
    await openKiosk(page);

    // Attract: highlights and "Touch to order" in the guest's language.
    const en = KIOSK_STRINGS.en;
    await expect(page.getByRole('heading', { name: en.attractTitle })).toBeVisible();
    await page.getByRole('button', { name: t.languageName, exact: true }).click();
    await expect(page.getByRole('heading', { name: t.attractTitle })).toBeVisible();
    await expectNoAxeViolations(page, `${lang} attract`);
    await page.getByRole('button', { name: t.touchToOrder }).click();

    // The menu, then an item: size and oat milk; what it contains follows the choice.
    await chooseCategory(page, t, m.espressoBar!);
    await expect(item(page, m.latte!)).toBeVisible();
    await expectNoAxeViolations(page, `${lang} menu`);
    await item(page, m.latte!).click();
    const sheet = page.getByRole('dialog', { name: m.latte });
    await sheet.getByRole('radio', { name: containing(m.medium!) }).check();
    await expect(sheet.getByText(`${t.contains}: ${t.allergenNames['milk']}`)).toBeVisible();
    await sheet.getByRole('radio', { name: containing(m.oat!) }).check();
    await expect(sheet.getByText(`${t.contains}: ${t.allergenNames['oats']}`)).toBeVisible();
    await expect(sheet.getByText(`${t.contains}: ${t.allergenNames['milk']}`)).toHaveCount(0);
    await expectNoAxeViolations(page, `${lang} item sheet`);
    await sheet.getByRole('button', { name: t.addToOrder }).click();

    // One suggestion, photo and price, "Add" and "No thanks"; the screen reader hears the total.
    const upsell = page.getByRole('dialog', { name: t.upsellItem(m.croissant!) });
    await expect(upsell).toBeVisible();
    await expect(upsell.getByText(money(345), { exact: true })).toBeVisible();
    const [add, skip] = [upsell.getByRole('button', { name: t.add }), upsell.getByRole('button', { name: t.noThanks })];
    const [addBox, skipBox] = [await add.boundingBox(), await skip.boundingBox()];
    expect(addBox?.height).toBe(skipBox?.height);
    expect(Math.abs((addBox?.width ?? 0) - (skipBox?.width ?? 0))).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, `${lang} upsell`);
    await add.click();
    await expect(upsell).toBeHidden();
    // Latte 4.75 + oat 0.70 + croissant 3.45 = 8.90, NYC tax 0.80: 9.70.
    await expect(page.getByRole('status').filter({ hasText: t.added(m.croissant!, money(970)) })).toBeAttached();

    // A combo: an item for each slot.
    await chooseCategory(page, t, m.combos!);
    await item(page, m.combo!).click();
    const combo = page.getByRole('dialog', { name: m.combo });
    await combo
      .getByRole('group', { name: containing(m.coffeeSlot!) })
      .getByRole('radio', { name: containing(m.americano!) })
      .first()
      .check();
    await combo
      .getByRole('group', { name: containing(m.pastrySlot!) })
      .getByRole('radio', { name: containing(m.croissant!) })
      .check();
    await expectNoAxeViolations(page, `${lang} combo sheet`);
    await combo.getByRole('button', { name: t.addToOrder }).click();
    await expect(combo).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: containing(m.combo!) })).toBeAttached();

    // Accessibility mode: everything the guest can touch is in the lower half of the screen.
    const access = page.getByRole('button', { name: t.accessibility });
    await access.click();
    await expect(access).toHaveAttribute('aria-pressed', 'true');
    await expectWithinReach(page, `${lang} menu, accessibility mode`);
    await expectNoAxeViolations(page, `${lang} menu, accessibility mode`);

    // The cart as a sheet: each line's buttons say which line; clearing asks and is away from "Place order".
    await page.getByRole('button', { name: t.reviewAndPay }).click();
    const cart = page.getByRole('dialog', { name: t.yourOrder });
    await expect(cart.getByRole('button', { name: t.removeItem(m.latte!) })).toBeVisible();
    await expect(cart.getByRole('button', { name: t.removeItem(m.croissant!) })).toBeVisible();
    await expect(cart.getByRole('button', { name: t.removeItem(m.combo!) })).toBeVisible();
    await expect(cart.getByRole('button', { name: t.increaseItem(m.latte!) })).toBeEnabled();
    await expectWithinReach(page, `${lang} cart, accessibility mode`);
    await expectNoAxeViolations(page, `${lang} cart, accessibility mode`);
    const [clearBox, placeBox] = [
      await cart.getByRole('button', { name: t.clearOrder }).boundingBox(),
      await cart.getByRole('button', { name: t.placeOrder }).boundingBox(),
    ];
    expect((placeBox?.y ?? 0) - ((clearBox?.y ?? 0) + (clearBox?.height ?? 0))).toBeGreaterThan(200);
    await cart.getByRole('button', { name: t.clearOrder }).click();
    const question = page.getByRole('alertdialog', { name: t.clearOrderQuestion });
    await expectWithinReach(page, `${lang} clear question, accessibility mode`);
    await expectNoAxeViolations(page, `${lang} clear question`);
    await question.getByRole('button', { name: t.keepOrder }).click();
    await expect(question).toBeHidden();
    const total = (await cart.getByTestId('cart-total').textContent()) ?? '';
    await cart.getByRole('button', { name: t.placeOrder }).click();

    // Pay at the terminal; the number is shown and heard.
    const pay = page.getByRole('button', { name: t.pay(total), exact: true });
    await expect(pay).toBeVisible();
    await expectWithinReach(page, `${lang} pay, accessibility mode`);
    await expectNoAxeViolations(page, `${lang} pay`);
    await pay.click();
    await expect(page.getByRole('heading', { name: t.thankYou })).toBeVisible();
    const n = Number(await page.getByTestId('order-number').textContent());
    expect(n).toBeGreaterThan(0);
    await expect(page.getByRole('status').filter({ hasText: t.orderNumberIs(n) })).toBeAttached();
    await expectWithinReach(page, `${lang} confirmation, accessibility mode`);
    await expectNoAxeViolations(page, `${lang} confirmation`);
    // "More time" keeps the number up longer.
    const left = async (): Promise<number> =>
      Number(/\d+/.exec((await page.getByTestId('returning').textContent()) ?? '')?.[0]);
    expect(await left()).toBeLessThanOrEqual(60);
    await page.getByRole('button', { name: t.moreTime }).click();
    expect(await left()).toBeGreaterThan(100);
    await page.getByRole('button', { name: t.startNewOrder }).click();

    // The next guest: English, no accessibility mode, an empty cart.
    await expect(page.getByRole('heading', { name: en.attractTitle })).toBeVisible();
    await expect(page.getByRole('button', { name: en.accessibility })).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: t.languageName, exact: true }).click();
    await page.getByRole('button', { name: t.touchToOrder }).click();
    await chooseCategory(page, t, m.espressoBar!);
    await item(page, m.espresso!).first().click();
    await page.getByRole('dialog', { name: m.espresso }).getByRole('button', { name: t.addToOrder }).click();
    await page
      .getByRole('dialog', { name: t.upsellItem(m.croissant!) })
      .getByRole('button', { name: t.noThanks })
      .click();
    await page.getByRole('button', { name: t.reviewAndPay }).click();
    await page.getByRole('dialog', { name: t.yourOrder }).getByRole('textbox', { name: t.guestName }).fill('Ana');
    await page.getByRole('button', { name: t.backToMenu }).click();

    // Walked away: "Are you still there?" counts down, then the order and the name are gone.
    const idle = page.getByRole('alertdialog', { name: t.stillThere });
    await expect(idle).toBeVisible({ timeout: (IDLE.idleSeconds + 3) * 1000 });
    await expect(idle.getByText(containing(t.clearingIn(IDLE.countdownSeconds - 1)))).toBeVisible();
    await expectNoAxeViolations(page, `${lang} idle prompt`);
    await expect(idle).toBeHidden({ timeout: (IDLE.countdownSeconds + 3) * 1000 });
    await expect(page.getByRole('heading', { name: en.attractTitle })).toBeVisible();
    await page.getByRole('button', { name: en.touchToOrder }).click();
    await expect(page.getByRole('button', { name: en.reviewAndPay })).toBeDisabled();
    await chooseCategory(page, en, MENU.en.espressoBar!);
    await item(page, MENU.en.espresso!).first().click();
    await page.getByRole('dialog', { name: MENU.en.espresso }).getByRole('button', { name: en.addToOrder }).click();
    await page
      .getByRole('dialog', { name: en.upsellItem(MENU.en.croissant!) })
      .getByRole('button', { name: en.noThanks })
      .click();
    await page.getByRole('button', { name: en.reviewAndPay }).click();
    const next = page.getByRole('dialog', { name: en.yourOrder });
    await expect(next.getByRole('textbox', { name: en.guestName })).toHaveValue('');
    await expect(next.getByRole('button', { name: en.removeItem(MENU.en.espresso!) })).toHaveCount(1);
  });
}

test('the kiosk reflows at 400% zoom and 200% text: nothing off screen, no words cut off', async ({ page }) => {
  test.setTimeout(90_000);
  const { t, m } = words('en');
  // 400% zoom on the 1080 px portrait kiosk leaves 270 CSS pixels of width.
  await page.setViewportSize({ width: 270, height: 480 });
  await openKiosk(page);
  await expectReflows(page, 'attract at 400%');
  await page.getByRole('button', { name: t.touchToOrder }).click();
  await chooseCategory(page, t, m.espressoBar!);
  await expectReflows(page, 'menu at 400%');
  await item(page, m.latte!).click();
  await expectReflows(page, 'item sheet at 400%');
  await page.getByRole('dialog', { name: m.latte }).getByRole('button', { name: t.addToOrder }).click();
  const upsell = page.getByRole('dialog', { name: t.upsellItem(m.croissant!) });
  await expectReflows(page, 'upsell at 400%');
  await upsell.getByRole('button', { name: t.noThanks }).click();
  await page.getByRole('button', { name: t.reviewAndPay }).click();
  await expectReflows(page, 'cart at 400%');
  await page.getByRole('button', { name: t.backToMenu }).click();
  await page.getByRole('button', { name: t.accessibility }).click();
  await expectReflows(page, 'accessibility mode at 400%');
  await page.getByRole('button', { name: t.accessibility }).click();

  // 200% text on the full-size kiosk.
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.evaluate("document.documentElement.style.fontSize = '200%'");
  await expectReflows(page, 'menu at 200% text');
  await page.getByRole('button', { name: t.reviewAndPay }).click();
  await expectReflows(page, 'cart at 200% text');
  await page.getByRole('button', { name: t.backToMenu }).click();
  await item(page, m.latte!).click();
  await expectReflows(page, 'item sheet at 200% text');
});

test('on a landscape kiosk the cart is a column beside the menu; a pastry is offered as a combo', async ({ page }) => {
  const { t, m } = words('en');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openKiosk(page);
  await page.getByRole('button', { name: t.touchToOrder }).click();
  const column = page.getByRole('complementary', { name: t.yourOrder });
  await expect(column).toBeVisible();
  await expect(page.getByRole('button', { name: t.reviewAndPay })).toHaveCount(0);
  await chooseCategory(page, t, m.espressoBar!);
  await item(page, m.espresso!).first().click();
  await page.getByRole('dialog', { name: m.espresso }).getByRole('button', { name: t.addToOrder }).click();
  await page
    .getByRole('dialog', { name: t.upsellItem(m.croissant!) })
    .getByRole('button', { name: t.noThanks })
    .click();
  await expect(column.getByRole('button', { name: t.removeItem(m.espresso!) })).toBeVisible();
  await expectNoAxeViolations(page, 'landscape menu');

  // A pastry on its own: the kiosk offers the combo, which opens with the pastry already in it.
  await column.getByRole('button', { name: t.removeItem(m.espresso!) }).click();
  await chooseCategory(page, t, 'Bakery');
  await item(page, m.croissant!).click();
  await page.getByRole('dialog', { name: m.croissant }).getByRole('button', { name: t.addToOrder }).click();
  await page
    .getByRole('dialog', { name: t.upsellCombo(m.combo!) })
    .getByRole('button', { name: t.add })
    .click();
  const combo = page.getByRole('dialog', { name: m.combo });
  const pastry = combo.getByRole('group', { name: containing(m.pastrySlot!) });
  await expect(pastry.getByRole('radio', { name: containing(m.croissant!) })).toBeChecked();
  await combo
    .getByRole('group', { name: containing(m.coffeeSlot!) })
    .getByRole('radio', { name: containing(m.americano!) })
    .check();
  await combo.getByRole('button', { name: t.addToOrder }).click();
  await expect(column.getByRole('button', { name: t.removeItem(m.combo!) })).toBeVisible();
  await expect(column.getByRole('button', { name: t.removeItem(m.croissant!) })).toHaveCount(0);
});
