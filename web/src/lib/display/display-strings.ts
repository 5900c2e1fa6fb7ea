/**
 * The customer display's words in each language a guest can choose (menu names come as the
 * counter rang them up). Small enough to ship together.
 */
import type { Language } from '@tillbox/core';

export interface DisplayStrings {
  languageName: string;
  language: string;
  welcome: string;
  yourOrder: string;
  each: (n: number) => string;
  subtotal: string;
  total: string;
  hello: (name: string | undefined) => string;
  points: (n: string) => string;
  estimate: string;
  earns: (n: string) => string;
  amountDue: string;
  payWith: { cash: string; card: string; other: string };
  tip: string;
  noTip: string;
  tipOptions: string;
  change: string;
  thanks: string;
  orderNumber: (n: number) => string;
  scanReceipt: string;
  receiptQr: (n: number) => string;
  linkTitle: string;
  linkHow: string;
  linkCode: string;
  linkExpires: (time: string) => string;
  lost: string;
}

const en: DisplayStrings = {
  languageName: 'English',
  language: 'Language',
  welcome: 'Welcome',
  yourOrder: 'Your order',
  each: (n) => `× ${n}`,
  subtotal: 'Subtotal',
  total: 'Total',
  hello: (name) => (name ? `Hi ${name}!` : 'Hi!'),
  points: (n) => `You have ${n} points`,
  estimate: 'Estimated: the loyalty service cannot be reached right now',
  earns: (n) => `This order earns ${n} points`,
  amountDue: 'Amount due',
  payWith: { cash: 'Paying with cash', card: 'Pay on the card reader', other: 'Paying' },
  tip: 'Tip',
  noTip: 'No tip',
  tipOptions: 'Tip choices',
  change: 'Your change',
  thanks: 'Thank you!',
  orderNumber: (n) => `Order ${n}`,
  scanReceipt: 'Scan for your receipt',
  receiptQr: (n) => `QR code of the receipt for order ${n}`,
  linkTitle: 'Customer display',
  linkHow: 'On the counter, open “Customer display” and enter this code:',
  linkCode: 'Link code',
  linkExpires: (time) => `The code changes at ${time}.`,
  lost: 'Reconnecting to the store system…',
};

const es: DisplayStrings = {
  languageName: 'Español',
  language: 'Idioma',
  welcome: 'Bienvenido',
  yourOrder: 'Tu pedido',
  each: (n) => `× ${n}`,
  subtotal: 'Subtotal',
  total: 'Total',
  hello: (name) => (name ? `¡Hola, ${name}!` : '¡Hola!'),
  points: (n) => `Tienes ${n} puntos`,
  estimate: 'Estimado: ahora no se puede consultar el programa de puntos',
  earns: (n) => `Este pedido suma ${n} puntos`,
  amountDue: 'Importe a pagar',
  payWith: { cash: 'Pago en efectivo', card: 'Paga en el lector de tarjetas', other: 'Pago' },
  tip: 'Propina',
  noTip: 'Sin propina',
  tipOptions: 'Opciones de propina',
  change: 'Tu cambio',
  thanks: '¡Gracias!',
  orderNumber: (n) => `Pedido ${n}`,
  scanReceipt: 'Escanea para tu recibo',
  receiptQr: (n) => `Código QR del recibo del pedido ${n}`,
  linkTitle: 'Pantalla del cliente',
  linkHow: 'En la caja, abre «Customer display» e introduce este código:',
  linkCode: 'Código de enlace',
  linkExpires: (time) => `El código cambia a las ${time}.`,
  lost: 'Reconectando con el sistema de la tienda…',
};

const ko: DisplayStrings = {
  languageName: '한국어',
  language: '언어',
  welcome: '환영합니다',
  yourOrder: '주문 내역',
  each: (n) => `× ${n}`,
  subtotal: '소계',
  total: '합계',
  hello: (name) => (name ? `${name}님, 안녕하세요!` : '안녕하세요!'),
  points: (n) => `보유 포인트 ${n}점`,
  estimate: '예상치: 지금은 포인트 서비스에 연결할 수 없습니다',
  earns: (n) => `이 주문으로 ${n}점이 적립됩니다`,
  amountDue: '결제할 금액',
  payWith: { cash: '현금 결제', card: '카드 단말기에서 결제해 주세요', other: '결제 중' },
  tip: '팁',
  noTip: '팁 없음',
  tipOptions: '팁 선택',
  change: '거스름돈',
  thanks: '감사합니다!',
  orderNumber: (n) => `주문 번호 ${n}`,
  scanReceipt: '스캔하여 영수증 받기',
  receiptQr: (n) => `주문 ${n}의 영수증 QR 코드`,
  linkTitle: '고객용 화면',
  linkHow: '카운터에서 “Customer display”를 열고 이 코드를 입력하세요:',
  linkCode: '연결 코드',
  linkExpires: (time) => `코드는 ${time}에 바뀝니다.`,
  lost: '매장 시스템에 다시 연결하는 중…',
};

export const DISPLAY_STRINGS: Readonly<Record<Language, DisplayStrings>> = { en, es, ko };
