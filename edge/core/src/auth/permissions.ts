/**
 * The permission table: which device role may run which command, and which staff role must be
 * signed in on it. Every route and stream topic of the edge names one of these permissions; the
 * route × role matrix test walks this table cell by cell.
 */
import {
  DEVICE_ROLES,
  STAFF_ROLES,
  type DevicePrincipal,
  type DeviceRole,
  type StaffPrincipal,
  type StaffRole,
} from './actors.js';

export const PERMISSIONS = [
  'health.read',
  'health.detail',
  'catalog.read',
  'order.place',
  'order.place-prepaid',
  'order.read',
  'order.list',
  'order.pay',
  'order.fire',
  'order.ready',
  'order.pick-up',
  'order.complete',
  'order.cancel',
  'order.void',
  'order.refund',
  'order.discount',
  'order.price-override',
  'order.hold',
  'order.transfer',
  'order.split',
  'order.add-lines',
  'tips.declare',
  'payment.attention',
  'ticket.bump',
  'ticket.recall',
  'kitchen.read',
  'report.read',
  'report.close-day',
  'stream.order',
  'stream.ticket',
  'stream.stock',
  'stream.scanner',
  'stream.display',
  'display.read',
  'display.show',
  'stock.read',
  'stock.receive',
  'stock.waste',
  'stock.count',
  'stock.86',
  'staff.sign-in',
  'staff.manage',
  'staff.bootstrap',
  'device.manage',
  'audit.read',
  'drawer.read',
  'drawer.open',
  'drawer.move',
  'drawer.no-sale',
  'drawer.close',
  'hardware.read',
  'hardware.print',
  'hardware.simulate',
  'loyalty.lookup',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A rule: on this device role, `true` = the device alone may; a list = one of these staff roles must be signed in. */
export type PermissionRule = Partial<Record<DeviceRole, true | readonly StaffRole[]>>;

const CASHIER_UP: readonly StaffRole[] = ['cashier', 'shift-lead', 'manager', 'admin'];
const LEAD_UP: readonly StaffRole[] = ['shift-lead', 'manager', 'admin'];
const MANAGER_UP: readonly StaffRole[] = ['manager', 'admin'];
const ADMIN: readonly StaffRole[] = ['admin'];
const ANY_STAFF: readonly StaffRole[] = ['kitchen', 'cashier', 'shift-lead', 'manager', 'admin'];

/**
 * Kiosks place, pay and cancel (before paying) their own orders, kiosk channel only; kitchen screens bump and
 * recall; the pickup board hands orders over; everything with money or that changes an order
 * from the front needs a signed-in staff member; voids, refunds and price overrides also need a
 * manager's PIN (an override, see {@link OVERRIDE_PERMISSIONS}), and so do discounts past the
 * store's limit ({@link LIMITED_OVERRIDE_PERMISSIONS}); bringing in an order paid elsewhere is the
 * relay's alone.
 */
export const PERMISSION_TABLE: Readonly<Record<Permission, PermissionRule>> = {
  'health.read': { kiosk: true, kds: true, pickup: true, counter: true, admin: true, relay: true, display: true },
  'health.detail': { admin: ADMIN },
  'catalog.read': { kiosk: true, kds: true, pickup: true, counter: true, admin: true, relay: true },
  'order.place': { kiosk: true, counter: CASHIER_UP, relay: true },
  'order.place-prepaid': { relay: true },
  'order.read': { kiosk: true, kds: true, pickup: true, counter: CASHIER_UP, admin: ANY_STAFF, relay: true },
  'order.list': { kds: true, pickup: true, counter: CASHIER_UP, admin: ANY_STAFF },
  'order.pay': { kiosk: true, counter: CASHIER_UP },
  'order.fire': { counter: CASHIER_UP, admin: LEAD_UP },
  'order.ready': { kds: true, counter: CASHIER_UP, admin: LEAD_UP },
  'order.pick-up': { pickup: true, kds: true, counter: CASHIER_UP, admin: LEAD_UP },
  'order.complete': { counter: CASHIER_UP, admin: LEAD_UP },
  'order.cancel': { kiosk: true, counter: CASHIER_UP, admin: LEAD_UP },
  'order.void': { counter: CASHIER_UP, admin: CASHIER_UP },
  'order.refund': { counter: CASHIER_UP, admin: CASHIER_UP },
  'order.discount': { counter: CASHIER_UP, admin: LEAD_UP },
  'order.price-override': { counter: CASHIER_UP, admin: LEAD_UP },
  'order.hold': { counter: CASHIER_UP },
  'order.transfer': { counter: CASHIER_UP, admin: LEAD_UP },
  'order.split': { counter: CASHIER_UP },
  'order.add-lines': { counter: CASHIER_UP },
  'tips.declare': { counter: CASHIER_UP, admin: LEAD_UP },
  'payment.attention': { counter: LEAD_UP, admin: LEAD_UP },
  'ticket.bump': { kds: true, counter: ANY_STAFF },
  'ticket.recall': { kds: true, counter: ANY_STAFF },
  'kitchen.read': { kds: true, pickup: true, counter: true, admin: true },
  'report.read': { counter: LEAD_UP, admin: LEAD_UP },
  'report.close-day': { counter: LEAD_UP, admin: LEAD_UP },
  'stream.order': { kds: true, pickup: true, counter: true, admin: true },
  'stream.ticket': { kds: true, pickup: true, counter: true, admin: true },
  // Stock: every selling and kitchen screen sees what is sold out (the kiosk greys it). Whoever
  // sees an item run out may 86 it or put it back, the kitchen from its KDS too; whoever is on shift
  // puts a delivery or a fresh batch on the shelf; waste and counts change the books (a count sets the
  // number outright, waste is where shrinkage hides), so a shift lead signs for them.
  'stream.stock': { kiosk: true, kds: true, counter: true, admin: true },
  // A HID POS scanner on the box is the counter's (the profile's `screen`): only counters hear its scans.
  'stream.scanner': { counter: true },
  // A customer display sees only what its counter shows the guest; the cashier at the counter
  // publishes it and links a display by the code the display shows.
  'stream.display': { display: true },
  'display.read': { display: true },
  'display.show': { counter: CASHIER_UP },
  'stock.read': { kiosk: true, kds: true, counter: true, admin: true },
  'stock.receive': { counter: CASHIER_UP, admin: LEAD_UP },
  'stock.waste': { counter: LEAD_UP, admin: LEAD_UP },
  'stock.count': { counter: LEAD_UP, admin: LEAD_UP },
  'stock.86': { counter: CASHIER_UP, kds: ANY_STAFF, admin: LEAD_UP },
  'staff.sign-in': { counter: true, admin: true, kds: true },
  'staff.manage': { admin: ADMIN },
  'staff.bootstrap': { admin: true },
  'device.manage': { admin: ADMIN },
  'audit.read': { admin: MANAGER_UP },
  'drawer.read': { counter: CASHIER_UP, admin: LEAD_UP },
  'drawer.open': { counter: CASHIER_UP, admin: LEAD_UP },
  'drawer.move': { counter: CASHIER_UP, admin: LEAD_UP },
  'drawer.no-sale': { counter: CASHIER_UP, admin: LEAD_UP },
  'drawer.close': { counter: CASHIER_UP, admin: LEAD_UP },
  'hardware.read': { counter: CASHIER_UP, admin: LEAD_UP },
  'hardware.print': { counter: CASHIER_UP, admin: LEAD_UP },
  'hardware.simulate': { admin: MANAGER_UP },
  // A guest identifies themselves at the kiosk; a cashier attaches a customer on the counter.
  'loyalty.lookup': { kiosk: true, counter: CASHIER_UP, admin: LEAD_UP },
};

/** Commands that also need a manager's PIN on the same screen, and who may approve them. */
export const OVERRIDE_PERMISSIONS: Readonly<Partial<Record<Permission, readonly StaffRole[]>>> = {
  'order.void': MANAGER_UP,
  'order.refund': MANAGER_UP,
  'order.price-override': MANAGER_UP,
};

/**
 * Commands that need a manager's PIN only past a limit, and who may approve them: a discount
 * over the store's threshold, or any comp (the order rules say when: `discountApproval`); a drawer
 * close whose variance is past the store's threshold (the cash rules say when: `decideDrawer`).
 */
export const LIMITED_OVERRIDE_PERMISSIONS: Readonly<Partial<Record<Permission, readonly StaffRole[]>>> = {
  'order.discount': MANAGER_UP,
  'drawer.close': MANAGER_UP,
};

/** Who may approve an override of this command (always or past its limit); undefined when it has none. */
export function approversOf(permission: Permission): readonly StaffRole[] | undefined {
  return OVERRIDE_PERMISSIONS[permission] ?? LIMITED_OVERRIDE_PERMISSIONS[permission];
}

/** Staff roles that may approve a manager override. */
export const APPROVER_ROLES: readonly StaffRole[] = MANAGER_UP;

export type Authorization =
  { ok: true } | { ok: false; status: 401 | 403; reason: string; needsStaff?: readonly StaffRole[] };

/**
 * May this device, with this staff member signed in (or none), run this permission?
 * 401 when there is no device or a staff member must sign in; 403 when the role may not.
 */
export function authorize(
  permission: Permission,
  device: Pick<DevicePrincipal, 'role'> | undefined,
  staff: Pick<StaffPrincipal, 'role'> | undefined,
): Authorization {
  if (!device) {
    return { ok: false, status: 401, reason: 'This screen is not paired with the store box: pair it with a code' };
  }
  const rule = PERMISSION_TABLE[permission][device.role];
  if (rule === undefined) {
    return { ok: false, status: 403, reason: `A ${device.role} screen may not ${describePermission(permission)}` };
  }
  if (rule === true) return { ok: true };
  if (!staff) {
    return {
      ok: false,
      status: 401,
      reason: `Sign in to ${describePermission(permission)} (${rule.join(', ')})`,
      needsStaff: rule,
    };
  }
  if (!rule.includes(staff.role)) {
    return {
      ok: false,
      status: 403,
      reason: `A ${staff.role} may not ${describePermission(permission)}: ask a ${rule[0] ?? 'manager'}`,
      needsStaff: rule,
    };
  }
  return { ok: true };
}

const WORDS: Readonly<Record<Permission, string>> = {
  'health.read': 'read the store box health',
  'health.detail': 'see where the store box keeps its files',
  'catalog.read': 'read the menu',
  'order.place': 'place orders',
  'order.place-prepaid': 'bring in orders paid elsewhere',
  'order.read': 'read orders',
  'order.list': 'list orders',
  'order.pay': 'take payments',
  'order.fire': 'send orders to the kitchen',
  'order.ready': 'mark orders ready',
  'order.pick-up': 'hand orders over',
  'order.complete': 'complete orders',
  'order.cancel': 'cancel orders',
  'order.void': 'void orders',
  'order.refund': 'refund orders',
  'order.discount': 'discount or comp orders',
  'order.price-override': 'change the price of a line',
  'order.hold': 'hold and recall open tickets',
  'order.transfer': 'hand open tickets to another staff member',
  'order.split': 'split the bill',
  'order.add-lines': 'add lines to a placed order',
  'tips.declare': 'declare cash tips',
  'payment.attention': 'see card payments that need attention (reversals, unknown outcomes)',
  'ticket.bump': 'bump tickets',
  'ticket.recall': 'recall tickets',
  'kitchen.read': 'read the kitchen set-up',
  'report.read': 'read reports',
  'report.close-day': 'close the business day (Z report)',
  'stream.order': 'follow orders live',
  'stream.ticket': 'follow tickets live',
  'stream.stock': 'follow stock and sold-out items live',
  'stream.scanner': "hear the store box's barcode scanners (HID POS) paired with this screen",
  'stream.display': "follow the linked counter's customer display live",
  'display.read': 'show what the linked counter shows the guest',
  'display.show': 'show the ticket on the customer display, or link a customer display',
  'stock.read': 'see stock counts and sold-out items',
  'stock.receive': 'receive stock (a delivery or a fresh batch)',
  'stock.waste': 'write stock off as waste',
  'stock.count': 'count stock, or start or stop counting an item',
  'stock.86': '86 an item (take it off sale) or put it back',
  'staff.sign-in': 'sign staff in',
  'staff.manage': 'manage staff',
  'staff.bootstrap': 'make the first admin of a new store',
  'device.manage': 'pair and revoke devices',
  'audit.read': 'read the audit log',
  'drawer.read': 'see the cash drawers',
  'drawer.open': 'open a cash drawer with a float',
  'drawer.move': 'pay cash in or out of a drawer, or drop it to the safe',
  'drawer.no-sale': 'open the cash drawer without a sale',
  'drawer.close': 'count and close a cash drawer',
  'hardware.read': 'see the printers, scanners and drawers and their print jobs',
  'hardware.print': 'reprint and test print',
  'hardware.simulate': "switch a virtual printer's state (paper out, cover open, off) and scan with a virtual scanner",
  'loyalty.lookup': "look up a loyalty member's points (by card, phone or member id)",
};

export function describePermission(permission: Permission): string {
  return WORDS[permission];
}

/**
 * The permission table as a Markdown table (device roles across, one row per permission): what
 * `docs/security.md` shows, checked by a test so the page stays the table.
 */
export function permissionTableMarkdown(): string {
  const devices = DEVICE_ROLES;
  const cell = (rule: true | readonly StaffRole[] | undefined, p: Permission): string => {
    if (rule === undefined) return '—';
    const who = rule === true ? 'yes' : rule.length === STAFF_ROLES.length ? 'any staff' : rule.join(', ');
    const always = OVERRIDE_PERMISSIONS[p];
    const limited = LIMITED_OVERRIDE_PERMISSIONS[p];
    if (always) return `${who} + ${always.join('/')} PIN`;
    return limited ? `${who} (+ ${limited.join('/')} PIN past a limit)` : who;
  };
  const rows = PERMISSIONS.map((p) => {
    const rule = PERMISSION_TABLE[p];
    const cells = devices.map((d) => cell(rule[d], p));
    return `| \`${p}\` ${describePermission(p)} | ${cells.join(' | ')} |`;
  });
  return [`| permission | ${devices.join(' | ')} |`, `| --- | ${devices.map(() => '---').join(' | ')} |`, ...rows].join(
    '\n',
  );
}
