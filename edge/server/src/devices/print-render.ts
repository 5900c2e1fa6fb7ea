/**
 * What a print job's bytes are, for the printer it goes to (its command set, columns, code page,
 * cut and buzzer): a station's kitchen ticket and a guest's receipt laid out by the core
 * (`kitchenTicketDocument`, `receiptDocument`) and written as ESC/POS or Star Line Mode with
 * node-thermal-printer (`renderTicketEscPos`); the QR code of the e-receipt as the printer's own
 * QR command (GS ( k); a drawer kick; a test slip. Rendered when the job prints, for the printer it
 * prints on — a job rerouted to a narrower backup is laid out again for it.
 */
import {
  kitchenTicketDocument,
  kitchenTicketLine,
  lineAtStation,
  receiptDocument,
  type KitchenTicketLine,
  type OrderView,
  type PrinterDevice,
  type ReceiptDocument,
  type ReceiptPrinterDevice,
  type TicketBlock,
} from '@tillbox/core';
import { BreakLine, PrinterTypes } from 'node-thermal-printer';
import { EscPosBuilder } from '../kitchen/escpos-builder.js';
import { renderTicketEscPos, type EscPosRenderOptions } from '../kitchen/escpos-render.js';
import { drawerKick } from './escpos-status.js';

/** What a ticket job holds besides its order: the station's share and where it stands among the order's tickets. */
export interface TicketJobDetail {
  readonly lineIds: readonly string[];
  readonly index: number;
  readonly count: number;
  readonly round?: number;
}

export interface StoreForPrinting {
  readonly name: string;
  readonly timeZone: string;
  /** A station's name by id (its id when unknown). */
  stationName(id: string): string;
}

function renderOptions(printer: PrinterDevice): EscPosRenderOptions {
  return {
    printerType: printer.driver === 'star-line' ? 'star' : 'epson',
    width: printer.columns,
    characterSet: printer.codePage,
    cut: printer.cut,
    ...(printer.beep ? { beep: printer.beep } : {}),
  };
}

/** The kitchen ticket of `station`'s lines of the order, as bytes for `printer`. */
export function renderTicket(
  order: OrderView,
  station: string,
  detail: TicketJobDetail,
  printer: PrinterDevice,
  store: StoreForPrinting,
): Buffer {
  const wanted = new Set(detail.lineIds);
  const lines: KitchenTicketLine[] = order.lines
    .filter((l) => wanted.has(l.lineId))
    .map((l) => lineAtStation(l, station))
    .filter((l) => l !== undefined)
    .map((l) => kitchenTicketLine(l));
  const doc = kitchenTicketDocument(
    {
      station: detail.round ? `${store.stationName(station)} (round ${detail.round})` : store.stationName(station),
      orderNumber: order.number,
      channel: order.channel,
      orderType: order.orderType,
      ...(order.table ? { table: order.table } : {}),
      ...(order.guestName ? { guestName: order.guestName } : {}),
      ...(order.promisedAt ? { promisedAt: order.promisedAt } : {}),
      rush: order.rush,
      placedAt: order.placedAt,
      timeZone: store.timeZone,
      lines,
      ...(detail.count > 1 ? { split: { index: detail.index, count: detail.count } } : {}),
    },
    { width: printer.columns },
  );
  return renderTicketEscPos(doc, renderOptions(printer));
}

/** A centred QR code (model 2, error correction M) by the printer's own command, then a line feed. */
function qrBytes(data: string, printer: PrinterDevice): Buffer {
  const builder = new EscPosBuilder({
    type: printer.driver === 'star-line' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    width: printer.columns,
    breakLine: BreakLine.NONE,
  });
  builder.alignCenter();
  builder.printQR(data, { cellSize: printer.paperWidthMm === 58 ? 4 : 6, correction: 'M', model: 2 });
  builder.newLine();
  builder.alignLeft();
  return builder.getBuffer();
}

/** A receipt document as bytes: its text runs through the ticket renderer, its QR codes between them. */
export function renderReceiptDocument(doc: ReceiptDocument, printer: PrinterDevice): Buffer {
  const parts: Buffer[] = [];
  let run: TicketBlock[] = [];
  const flush = (): void => {
    if (run.length > 0) parts.push(renderTicketEscPos({ width: doc.width, blocks: run }, renderOptions(printer)));
    run = [];
  };
  for (const block of doc.blocks) {
    if (block.kind === 'qr') {
      flush();
      parts.push(qrBytes(block.data, printer));
    } else run.push(block);
  }
  flush();
  return Buffer.concat(parts);
}

export interface ReceiptJobInput {
  readonly order: OrderView;
  readonly store: StoreForPrinting;
  /** The receipt printer's own texts (header, footer, QR) when it is one; a backup prints the same receipt. */
  readonly receipt: ReceiptPrinterDevice['receipt'] | undefined;
  readonly eReceiptUrl: string | undefined;
  readonly reprint: boolean;
}

export function renderReceipt(input: ReceiptJobInput, printer: PrinterDevice): Buffer {
  const texts = input.receipt;
  const doc = receiptDocument(
    {
      order: input.order,
      storeName: input.store.name,
      header: texts?.header ?? [],
      footer: texts?.footer ?? [],
      timeZone: input.store.timeZone,
      reprint: input.reprint,
      ...(input.eReceiptUrl && (texts?.qr ?? true) ? { eReceiptUrl: input.eReceiptUrl } : {}),
    },
    { width: printer.columns },
  );
  return renderReceiptDocument(doc, printer);
}

/** The bytes that kick a drawer on `pin` of `printer`. */
export function renderKick(printer: PrinterDevice, pin: 2 | 5): Buffer {
  return drawerKick(printer.driver === 'star-line' ? 'star' : 'escpos', pin);
}

/** A test slip: which printer it is, how it is reached, its width and its code page. */
export function renderTestSlip(printer: PrinterDevice, address: string, at: Date, store: StoreForPrinting): Buffer {
  const width = printer.columns;
  const text = (t: string, style: Partial<Extract<TicketBlock, { kind: 'text' }>> = {}): TicketBlock => ({
    kind: 'text',
    text: t.slice(0, style.size === 'double' ? Math.floor(width / 2) : width),
    align: 'left',
    size: 'normal',
    bold: false,
    invert: false,
    ...style,
  });
  const ruler = Array.from({ length: width }, (_, i) => String((i + 1) % 10)).join('');
  const blocks: TicketBlock[] = [
    text('TEST PRINT', { align: 'center', size: 'double', bold: true }),
    { kind: 'rule', char: '=' },
    text(printer.name ?? printer.id, { bold: true }),
    text(`id: ${printer.id} (${printer.role})`),
    text(`at: ${address}`),
    text(`driver: ${printer.driver}, ${printer.paperWidthMm} mm`),
    text(`${width} columns, code page ${printer.codePage}`),
    text(ruler),
    text('Café crème brûlée, 1 € — ok?'.replace('—', '-')),
    text(`${store.name}, ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`),
    { kind: 'cut' },
  ];
  return renderTicketEscPos({ width, blocks }, renderOptions(printer));
}
