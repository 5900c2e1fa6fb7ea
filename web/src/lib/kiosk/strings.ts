/**
 * The kiosk's own words in each language it offers. Menu names come from the catalog
 * (`localize`); everything else a guest reads is here.
 */
import type { Language } from '@tillbox/core';

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
}

const en: KioskStrings = {
  languageName: 'English',
  language: 'Language',
  categories: 'Menu categories',
  menu: 'Menu',
  from: (p) => `from ${p}`,
  soldOut: 'Sold out',
  calories: (n) => `${n} cal`,
  loadingMenu: 'Loading the menu…',
  menuUnavailable: 'The menu could not be loaded.',
  tryAgain: 'Try again',
  size: 'Size',
  required: 'Required',
  optional: 'Optional',
  choose: (min, max) => (min === max ? `Choose ${min}` : min === 0 ? `Choose up to ${max}` : `Choose ${min} to ${max}`),
  none: 'None',
  quantity: 'Quantity',
  decreaseQuantity: 'Decrease quantity',
  increaseQuantity: 'Increase quantity',
  addToOrder: 'Add to order',
  cancel: 'Cancel',
  each: 'each',
  contains: 'Contains',
  yourOrder: 'Your order',
  emptyCart: 'Your order is empty. Tap an item to add it.',
  remove: 'Remove',
  subtotal: 'Subtotal',
  tax: 'Tax',
  total: 'Total',
  items: (n) => (n === 1 ? '1 item' : `${n} items`),
  orderType: 'Order type',
  takeout: 'To go',
  dineIn: 'For here',
  guestName: 'Your name (optional)',
  placeOrder: 'Place order',
  placing: 'Placing your order…',
  clearOrder: 'Clear order',
  stillTrying: 'Still trying to reach the kitchen…',
  notConfirmed: 'Your order is not confirmed yet. Tap Place order to try again — it will only be placed once.',
  payTitle: 'Pay by card',
  payPrompt: 'Tap or insert your card on the terminal',
  pay: (a) => `Pay ${a}`,
  paying: 'Follow the instructions on the terminal…',
  checkingPayment: 'Checking your payment…',
  paymentUnknown:
    'We could not confirm your payment yet. Tap Check payment — your card will not be charged twice. If it keeps failing, please ask a member of staff.',
  checkPayment: 'Check payment',
  cancelOrder: 'Cancel order',
  cancelling: 'Cancelling…',
  thankYou: 'Thank you!',
  orderNumberBefore: 'Your order number is',
  orderNumberAfter: '',
  watchBoard: 'Watch the pickup board for your number.',
  startNewOrder: 'Start new order',
  returning: (s) => `Returning to the start in ${s} s`,
};

const es: KioskStrings = {
  languageName: 'Español',
  language: 'Idioma',
  categories: 'Categorías del menú',
  menu: 'Menú',
  from: (p) => `desde ${p}`,
  soldOut: 'Agotado',
  calories: (n) => `${n} kcal`,
  loadingMenu: 'Cargando el menú…',
  menuUnavailable: 'No se pudo cargar el menú.',
  tryAgain: 'Reintentar',
  size: 'Tamaño',
  required: 'Obligatorio',
  optional: 'Opcional',
  choose: (min, max) => (min === max ? `Elige ${min}` : min === 0 ? `Elige hasta ${max}` : `Elige de ${min} a ${max}`),
  none: 'Ninguno',
  quantity: 'Cantidad',
  decreaseQuantity: 'Disminuir cantidad',
  increaseQuantity: 'Aumentar cantidad',
  addToOrder: 'Añadir al pedido',
  cancel: 'Cancelar',
  each: 'c/u',
  contains: 'Contiene',
  yourOrder: 'Tu pedido',
  emptyCart: 'Tu pedido está vacío. Toca un producto para añadirlo.',
  remove: 'Quitar',
  subtotal: 'Subtotal',
  tax: 'Impuestos',
  total: 'Total',
  items: (n) => (n === 1 ? '1 producto' : `${n} productos`),
  orderType: 'Tipo de pedido',
  takeout: 'Para llevar',
  dineIn: 'Para comer aquí',
  guestName: 'Tu nombre (opcional)',
  placeOrder: 'Realizar pedido',
  placing: 'Enviando tu pedido…',
  clearOrder: 'Vaciar pedido',
  stillTrying: 'Seguimos intentando contactar con la cocina…',
  notConfirmed: 'Tu pedido aún no está confirmado. Toca Realizar pedido para reintentar; solo se hará una vez.',
  payTitle: 'Pagar con tarjeta',
  payPrompt: 'Acerca o inserta tu tarjeta en el terminal',
  pay: (a) => `Pagar ${a}`,
  paying: 'Sigue las instrucciones del terminal…',
  checkingPayment: 'Comprobando tu pago…',
  paymentUnknown:
    'Aún no podemos confirmar tu pago. Toca Comprobar pago; no se cobrará dos veces. Si sigue fallando, pide ayuda al personal.',
  checkPayment: 'Comprobar pago',
  cancelOrder: 'Cancelar pedido',
  cancelling: 'Cancelando…',
  thankYou: '¡Gracias!',
  orderNumberBefore: 'Tu número de pedido es',
  orderNumberAfter: '',
  watchBoard: 'Busca tu número en la pantalla de recogida.',
  startNewOrder: 'Empezar nuevo pedido',
  returning: (s) => `Volviendo al inicio en ${s} s`,
};

const ko: KioskStrings = {
  languageName: '한국어',
  language: '언어',
  categories: '메뉴 카테고리',
  menu: '메뉴',
  from: (p) => `${p}부터`,
  soldOut: '품절',
  calories: (n) => `${n} kcal`,
  loadingMenu: '메뉴를 불러오는 중…',
  menuUnavailable: '메뉴를 불러오지 못했습니다.',
  tryAgain: '다시 시도',
  size: '사이즈',
  required: '필수',
  optional: '선택 사항',
  choose: (min, max) => (min === max ? `${min}개 선택` : min === 0 ? `최대 ${max}개 선택` : `${min}~${max}개 선택`),
  none: '없음',
  quantity: '수량',
  decreaseQuantity: '수량 줄이기',
  increaseQuantity: '수량 늘리기',
  addToOrder: '주문에 추가',
  cancel: '취소',
  each: '개당',
  contains: '알레르기 성분',
  yourOrder: '주문 내역',
  emptyCart: '주문 내역이 비어 있습니다. 메뉴를 눌러 추가하세요.',
  remove: '삭제',
  subtotal: '소계',
  tax: '세금',
  total: '합계',
  items: (n) => `${n}개`,
  orderType: '주문 유형',
  takeout: '포장',
  dineIn: '매장 식사',
  guestName: '이름 (선택)',
  placeOrder: '주문하기',
  placing: '주문을 보내는 중…',
  clearOrder: '주문 비우기',
  stillTrying: '주방에 계속 연결하는 중입니다…',
  notConfirmed: '주문이 아직 확인되지 않았습니다. 주문하기를 다시 눌러 주세요. 주문은 한 번만 접수됩니다.',
  payTitle: '카드 결제',
  payPrompt: '단말기에 카드를 대거나 넣어 주세요',
  pay: (a) => `${a} 결제`,
  paying: '단말기의 안내를 따라 주세요…',
  checkingPayment: '결제를 확인하는 중…',
  paymentUnknown:
    '아직 결제를 확인하지 못했습니다. 결제 확인을 눌러 주세요. 두 번 청구되지 않습니다. 계속 실패하면 직원에게 문의해 주세요.',
  checkPayment: '결제 확인',
  cancelOrder: '주문 취소',
  cancelling: '취소하는 중…',
  thankYou: '감사합니다!',
  orderNumberBefore: '주문 번호는',
  orderNumberAfter: '번입니다',
  watchBoard: '픽업 화면에서 번호를 확인해 주세요.',
  startNewOrder: '새 주문 시작',
  returning: (s) => `${s}초 후 처음 화면으로 돌아갑니다`,
};

export const KIOSK_STRINGS: Readonly<Record<Language, KioskStrings>> = { en, es, ko };

/** BCP 47 tags for number and money formatting. */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US', ko: 'ko-KR' };
