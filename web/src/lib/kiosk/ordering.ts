/**
 * What the kiosk needs once a guest starts an order, and not before: the item sheet, the cart,
 * the suggestion and what taking it does, the questions, placing the order, paying and the
 * number, and the pricing engine that prices the cart and the sheet's calories. The page fetches
 * this module the first time the guest needs it (an `OnDemand` in routes/kiosk/+page.svelte), so
 * the first screen fetches, parses and compiles none of it: about a fifth of the kiosk's
 * JavaScript.
 */
export { default as CartPanel } from '$lib/components/kiosk/CartPanel.svelte';
export { default as ConfirmDialog } from '$lib/components/kiosk/ConfirmDialog.svelte';
export { default as IdlePrompt } from '$lib/components/kiosk/IdlePrompt.svelte';
export { default as OptionsDialog } from '$lib/components/kiosk/OptionsDialog.svelte';
export { default as OrderConfirmation } from '$lib/components/kiosk/OrderConfirmation.svelte';
export { default as PayStep } from '$lib/components/kiosk/PayStep.svelte';
export { default as Sheet } from '$lib/components/kiosk/Sheet.svelte';
export { default as UpsellSheet } from '$lib/components/kiosk/UpsellSheet.svelte';
export { suggestUpsell } from '@tillbox/core';
export { previewCart } from '$lib/sale/preview.js';
export { comboStart, sizedUp, suggestedLine } from './upsell-flow.js';
export { Checkout } from '$lib/sale/checkout.svelte.js';
export { CardPayment } from './card-payment.svelte.js';
