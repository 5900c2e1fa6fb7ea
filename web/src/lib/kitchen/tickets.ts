/**
 * What the kitchen screens show, as pure functions of the open orders: a station's tickets in
 * priority order, its all-day counts, timer colours, and the expo's view of an order.
 */
import {
  allDayCounts,
  compareTicketPriority,
  lineAtStation,
  localize,
  type AllDayCount,
  type OrderView,
  type PricedLine,
  type Station,
  type TicketView,
} from '@tillbox/core';

/** One line of a station ticket, with its item bump. */
export interface TicketLine {
  line: PricedLine;
  /** When the item was bumped; `'queued'` while this screen's bump of it waits for the edge. */
  bumpedAt: string | undefined;
  /** A bump or unbump of it from this screen is waiting for the edge. */
  queued?: boolean;
}

/** An order's ticket at one station, as a KDS shows it. */
export interface StationTicket {
  order: OrderView;
  ticket: TicketView;
  /** Only this station's lines, in order. */
  lines: TicketLine[];
}

/**
 * Open tickets of `station` (orders in the kitchen whose ticket there is not bumped), most urgent
 * first. With a `cache` (one per station), an order that did not change keeps its entry object,
 * so a screen holding hundreds of tickets redraws only the one that changed.
 */
export function stationTickets(
  orders: Iterable<OrderView>,
  station: string,
  cache?: WeakMap<OrderView, StationTicket | null>,
): StationTicket[] {
  const shown: StationTicket[] = [];
  for (const order of orders) {
    let entry = cache?.get(order);
    if (entry === undefined) {
      entry = ticketAt(order, station);
      cache?.set(order, entry);
    }
    if (entry) shown.push(entry);
  }
  return shown.sort((a, b) => compareTicketPriority(a.order, b.order));
}

function ticketAt(order: OrderView, station: string): StationTicket | null {
  if (order.status !== 'in_kitchen') return null;
  const ticket = order.tickets.find((t) => t.station === station);
  if (!ticket || ticket.status !== 'open') return null;
  const bumped = new Map(ticket.items.map((i) => [i.lineId, i.bumpedAt]));
  // A combo's line shows here as its slot items made here, under the combo's name.
  const lines = order.lines
    .flatMap((l) => lineAtStation(l, station) ?? [])
    .map((line) => ({ line, bumpedAt: bumped.get(line.lineId) }));
  return { order, ticket, lines };
}

/** How many of each item the station still has to make across its open tickets. */
export function stationAllDay(tickets: readonly StationTicket[], lang = 'en'): AllDayCount[] {
  return allDayCounts(
    tickets.flatMap((t) =>
      t.lines.map(({ line, bumpedAt }) => ({
        itemId: line.itemId,
        variantId: line.variantId,
        name: localize(line.name, lang),
        variantName: line.variantName ? localize(line.variantName, lang) : undefined,
        quantity: line.quantity,
        bumped: bumpedAt !== undefined,
      })),
    ),
  );
}

export type TimerLevel = 'ok' | 'warn' | 'late';

/** The colour of a ticket timer: green until the station's warn time, amber until late, then red. */
export function timerLevel(
  ageMs: number,
  station: Pick<Station, 'warnAfterSeconds' | 'lateAfterSeconds'> | undefined,
): TimerLevel {
  const warn = (station?.warnAfterSeconds ?? 180) * 1000;
  const late = (station?.lateAfterSeconds ?? 360) * 1000;
  return ageMs >= late ? 'late' : ageMs >= warn ? 'warn' : 'ok';
}

/** Orders the expo is watching: in the kitchen, most urgent first. */
export function expoOrders(orders: Iterable<OrderView>): OrderView[] {
  return [...orders].filter((o) => o.status === 'in_kitchen').sort(compareTicketPriority);
}

/** Orders that became ready in the last `windowMs` (edge time `now`), newest first. */
export function recentlyReady(orders: Iterable<OrderView>, now: number, windowMs: number): OrderView[] {
  return [...orders]
    .filter((o) => o.status === 'ready' && now - Date.parse(o.readyAt ?? o.placedAt) < windowMs)
    .sort((a, b) => Date.parse(b.readyAt ?? b.placedAt) - Date.parse(a.readyAt ?? a.placedAt));
}

/** The pickup board's columns: paid or in-kitchen orders are preparing; ready ones stay `readyMs`. */
export function pickupBoard(
  orders: Iterable<OrderView>,
  now: number,
  readyMs: number | undefined,
): { preparing: OrderView[]; ready: OrderView[] } {
  const all = [...orders];
  const byPlaced = (a: OrderView, b: OrderView): number =>
    Date.parse(a.placedAt) - Date.parse(b.placedAt) || a.number - b.number;
  const readyAt = (o: OrderView): number => Date.parse(o.readyAt ?? o.placedAt);
  return {
    preparing: all.filter((o) => o.status === 'paid' || o.status === 'in_kitchen').sort(byPlaced),
    ready: all
      .filter((o) => o.status === 'ready' && (readyMs === undefined || now - readyAt(o) < readyMs))
      .sort((a, b) => readyAt(a) - readyAt(b) || a.number - b.number),
  };
}

/** Ids in `now` that are not in `seen`; adds them to `seen`. For "a new ticket arrived" sounds. */
export function newIds(seen: Set<string>, now: Iterable<string>): string[] {
  const fresh: string[] = [];
  for (const id of now) {
    if (seen.has(id)) continue;
    seen.add(id);
    fresh.push(id);
  }
  return fresh;
}
