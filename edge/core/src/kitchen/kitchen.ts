/**
 * Kitchen rules shared by the edge and the screens: station configuration, routing of items
 * to stations, ticket priority, the ticket state machine and the all-day counts.
 */
import { z } from 'zod';
import { TillboxError } from '../errors.js';

const id = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes');

export const stationSchema = z.object({
  id: id.describe('Station id, used in URLs (/kds/bar)'),
  name: z.string().min(1).max(40).describe('Name shown on the KDS'),
  categories: z
    .array(z.string().max(64))
    .max(200)
    .default([])
    .describe('Catalog categories routed here (overrides the catalog)'),
  items: z
    .array(z.string().max(64))
    .max(2000)
    .default([])
    .describe('Catalog items routed here (overrides everything else)'),
  warnAfterSeconds: z.int().min(10).max(7200).default(180).describe('Ticket timer turns amber after this'),
  lateAfterSeconds: z.int().min(10).max(7200).default(360).describe('Ticket timer turns red after this'),
  prepMinutes: z
    .int()
    .min(0)
    .max(240)
    .default(5)
    .describe('Usual time to make an order here; scheduled orders fire this early'),
  printTickets: z.boolean().default(false).describe('Also print each ticket at this station'),
});
export type Station = z.infer<typeof stationSchema>;

/** Keys of a bump bar (a bump bar is a keyboard). Values are KeyboardEvent.key names. */
export const bumpBarKeysSchema = z.object({
  next: z.string().min(1).max(20).default('ArrowRight').describe('Select the next ticket'),
  previous: z.string().min(1).max(20).default('ArrowLeft').describe('Select the previous ticket'),
  nextItem: z.string().min(1).max(20).default('ArrowDown').describe('Select the next item of the selected ticket'),
  previousItem: z.string().min(1).max(20).default('ArrowUp').describe('Select the previous item'),
  bump: z.string().min(1).max(20).default('Enter').describe('Bump the selected ticket'),
  bumpItem: z.string().min(1).max(20).default(' ').describe('Bump the selected item'),
  recall: z.string().min(1).max(20).default('r').describe('Open the recall list / recall the selected bumped ticket'),
  undo: z.string().min(1).max(20).default('u').describe('Undo the last bump at this station'),
});
export type BumpBarKeys = z.infer<typeof bumpBarKeysSchema>;

export const kitchenConfigSchema = z
  .object({
    stations: z.array(stationSchema).min(1).max(30),
    defaultStation: id,
    expoAutoReady: z.boolean().describe('An order is ready as soon as every station has bumped it'),
    bumpBar: bumpBarKeysSchema,
    recallMinutes: z.int().min(1).max(240).describe('How long bumped tickets stay in the recall list'),
    pickupReadyMinutes: z.int().min(1).max(240).describe('Ready orders leave the pickup board after this'),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.stations.forEach((s, i) => {
      if (s.id === 'expo')
        ctx.addIssue({
          code: 'custom',
          path: ['stations', i, 'id'],
          message: '"expo" is the expo view, not a station',
        });
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['stations', i, 'id'], message: `duplicate station "${s.id}"` });
      if (s.lateAfterSeconds <= s.warnAfterSeconds) {
        ctx.addIssue({
          code: 'custom',
          path: ['stations', i, 'lateAfterSeconds'],
          message: `station "${s.id}": late must come after warn`,
        });
      }
      seen.add(s.id);
    });
    if (!seen.has(c.defaultStation)) {
      ctx.addIssue({ code: 'custom', path: ['defaultStation'], message: `no station "${c.defaultStation}"` });
    }
  });
export type KitchenConfig = z.infer<typeof kitchenConfigSchema>;

/**
 * The station an item is made at. Settings win over the catalog: an item listed by a station,
 * then the catalog's item station, then a station listing the category, then the catalog's
 * category station; anything naming no configured station goes to the default station.
 */
export function routeToStation(
  config: Pick<KitchenConfig, 'stations' | 'defaultStation'>,
  item: { id: string; categoryId: string; station?: string | undefined },
  categoryStation: string | undefined,
): string {
  const known = (s: string | undefined): s is string => s !== undefined && config.stations.some((x) => x.id === s);
  const byItem = config.stations.find((s) => s.items.includes(item.id));
  if (byItem) return byItem.id;
  if (known(item.station)) return item.station;
  const byCategory = config.stations.find((s) => s.categories.includes(item.categoryId));
  if (byCategory) return byCategory.id;
  if (known(categoryStation)) return categoryStation;
  return config.defaultStation;
}

/** What the priority of a ticket is made of. */
export interface PriorityKey {
  rush: boolean;
  /** When the guest expects it: the promised time, else placed time plus prep time (ISO). */
  dueAt: string;
  placedAt: string;
  number: number;
}

/** Rush first, then by due time whatever the channel, then by placing order. */
export function compareTicketPriority(a: PriorityKey, b: PriorityKey): number {
  if (a.rush !== b.rush) return a.rush ? -1 : 1;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  if (a.placedAt !== b.placedAt) return a.placedAt < b.placedAt ? -1 : 1;
  return a.number - b.number;
}

export type TicketStatus = 'open' | 'bumped';
export const TICKET_COMMANDS = ['bump', 'recall', 'bump-item', 'unbump-item'] as const;
export type TicketCommand = (typeof TICKET_COMMANDS)[number];
export type TicketEventType = 'ticket.bumped' | 'ticket.recalled' | 'ticket.item-bumped' | 'ticket.item-unbumped';

/**
 * A ticket command's event, or a `conflict` saying why it does not apply. Item commands name
 * an item; bumping the last open item bumps the ticket (the caller checks `allItemsBumped`).
 */
export function applyTicketCommand(
  ticket: { status: TicketStatus; items: readonly { lineId: string; bumpedAt?: string | undefined }[] },
  command: TicketCommand,
  lineId?: string,
): TicketEventType {
  const item = lineId === undefined ? undefined : ticket.items.find((i) => i.lineId === lineId);
  if ((command === 'bump-item' || command === 'unbump-item') && !item) {
    throw new TillboxError('not-found', `this ticket has no item ${lineId ?? '(none given)'}`);
  }
  switch (command) {
    case 'bump':
      if (ticket.status === 'bumped') throw new TillboxError('conflict', 'this ticket is already bumped');
      return 'ticket.bumped';
    case 'recall':
      if (ticket.status !== 'bumped') throw new TillboxError('conflict', 'only a bumped ticket can be recalled');
      return 'ticket.recalled';
    case 'bump-item':
      if (ticket.status === 'bumped') throw new TillboxError('conflict', 'this ticket is already bumped');
      if (item?.bumpedAt !== undefined) throw new TillboxError('conflict', 'this item is already bumped');
      return 'ticket.item-bumped';
    case 'unbump-item':
      if (ticket.status === 'bumped') throw new TillboxError('conflict', 'recall the ticket first');
      if (item?.bumpedAt === undefined) throw new TillboxError('conflict', 'this item is not bumped');
      return 'ticket.item-unbumped';
  }
}

export interface AllDayCount {
  key: string;
  name: string;
  variant?: string;
  quantity: number;
}

/**
 * How many of each item are still to make across open tickets ("all day" on the line), most
 * first. Items already bumped do not count.
 */
export function allDayCounts(
  lines: readonly {
    itemId: string;
    variantId?: string | undefined;
    name: string;
    variantName?: string | undefined;
    quantity: number;
    bumped: boolean;
  }[],
): AllDayCount[] {
  const counts = new Map<string, AllDayCount>();
  for (const l of lines) {
    if (l.bumped) continue;
    const key = `${l.itemId}/${l.variantId ?? ''}`;
    const c = counts.get(key);
    if (c) c.quantity += l.quantity;
    else
      counts.set(key, {
        key,
        name: l.name,
        ...(l.variantName ? { variant: l.variantName } : {}),
        quantity: l.quantity,
      });
  }
  return [...counts.values()].sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}
