/** What the self-order kiosk reads besides the menu: its timings, and the upsell report. */
import { z } from 'zod';

export const kioskConfigSchema = z
  .object({
    idleSeconds: z
      .int()
      .min(2)
      .max(3600)
      .describe('Seconds without a touch, with an order started, before the kiosk asks "Are you still there?"'),
    idleCountdownSeconds: z
      .int()
      .min(2)
      .max(300)
      .describe('Seconds "Are you still there?" counts down before the order and the name are cleared'),
    confirmationSeconds: z
      .int()
      .min(2)
      .max(600)
      .describe(
        'Seconds the order number stays on screen before the kiosk returns to the start ("More time" adds as much)',
      ),
  })
  .describe('Kiosk timings (settings kiosk.*)');
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export const upsellReportSchema = z
  .object({
    businessDay: z.string(),
    upsells: z.array(
      z.object({
        upsellId: z.string(),
        orders: z.int().describe('Placed orders with a line the guest added from this suggestion'),
        units: z.int().describe('Units of those lines'),
        amount: z.int().describe('What those lines came to before discounts and tax, minor units'),
      }),
    ),
  })
  .describe('Upsells taken in a business day (placed orders, cancelled ones left out), per suggestion');
export type UpsellReport = z.infer<typeof upsellReportSchema>;
