/**
 * A store's hardware profile: every device the store box drives — receipt and kitchen printers,
 * scanners, cash drawers, the payment terminal, a customer display — with its role, driver and
 * connection, paper and code page, the stations a kitchen printer serves and the printer that
 * stands in when it is down. Profiles live in `firmware-config/` as JSON; this schema reads them
 * (shapes and values), and `checkHardwareProfile` finds what is wrong across devices.
 */
import { z } from 'zod';
import { connectionSchema, type ConnectionKind } from './connection.js';

export const HARDWARE_ROLES = [
  'receipt-printer',
  'kitchen-printer',
  'scanner',
  'cash-drawer',
  'payment-terminal',
  'customer-display',
] as const;
export type HardwareRole = (typeof HARDWARE_ROLES)[number];

export const PRINTER_ROLES: readonly HardwareRole[] = ['receipt-printer', 'kitchen-printer'];
export const isPrinterRole = (role: HardwareRole): boolean => PRINTER_ROLES.includes(role);

export interface DriverInfo {
  readonly roles: readonly HardwareRole[];
  readonly connections: readonly ConnectionKind[];
  readonly description: string;
  /** False: the profile may name it, but the store box has no code for it yet (the device shows as an error). */
  readonly built: boolean;
}

/** Every driver a profile may name. */
export const DRIVERS = {
  escpos: {
    roles: ['receipt-printer', 'kitchen-printer'],
    connections: ['usb', 'tcp', 'file', 'serial', 'virtual'],
    description:
      "Epson ESC/POS and its compatibles (Epson TM, Bixolon SRP, Citizen, most others); status by DLE EOT (not on a device file or a serial port, which are only written); a serial port at 9600 baud (Linux's default for a port)",
    built: true,
  },
  'star-line': {
    roles: ['receipt-printer', 'kitchen-printer'],
    connections: ['usb', 'tcp', 'file', 'serial', 'virtual'],
    description:
      "Star Line Mode (Star TSP100/TSP143, TSP650, mC-Print in Star Line emulation); no DLE EOT status; a serial port at 9600 baud (Linux's default for a port)",
    built: true,
  },
  'hid-pos': {
    roles: ['scanner'],
    connections: ['usb', 'virtual'],
    description: 'A scanner in USB HID POS mode (HID usage page 0x8C), read by the store box',
    built: true,
  },
  'keyboard-wedge': {
    roles: ['scanner'],
    connections: ['usb', 'virtual'],
    description:
      'A scanner that types like a keyboard into the screen it is plugged into; the screen reads it, the box only sees it is there',
    built: true,
  },
  'printer-kick': {
    roles: ['cash-drawer'],
    connections: ['printer'],
    description: "A cash drawer opened by a pulse from its printer's drawer port (ESC p; BEL on Star)",
    built: true,
  },
  'adyen-terminal-api': {
    roles: ['payment-terminal'],
    connections: ['tcp', 'virtual'],
    description:
      "Adyen Terminal API over local communications (nexo JSON over HTTPS to the terminal's port 8443: write tcp:HOST:8443); key and POIID in the settings payments.terminal.*",
    built: true,
  },
  browser: {
    roles: ['customer-display'],
    connections: ['screen'],
    description:
      'A screen facing the guest (a tablet or a second monitor) showing /display: paired as a customer display and linked to a counter by the code it shows',
    built: true,
  },
  'escpos-display': {
    roles: ['customer-display'],
    connections: ['tcp', 'file', 'serial', 'virtual'],
    description:
      "A two-line pole display (VFD) speaking the ESC/POS display commands (Epson DM-D and compatibles), on the network, a device file, or a serial port at 9600 baud (Linux's default for a port)",
    built: true,
  },
} as const satisfies Record<string, DriverInfo>;
export type DriverName = keyof typeof DRIVERS;
export const DRIVER_NAMES = Object.keys(DRIVERS) as DriverName[];

export function driverInfo(name: string): DriverInfo | undefined {
  return Object.hasOwn(DRIVERS, name) ? DRIVERS[name as DriverName] : undefined;
}

/** Code pages by node-thermal-printer's names; PC858 (Western European with €) suits most stores. */
export const CODE_PAGES = [
  'PC437_USA',
  'PC850_MULTILINGUAL',
  'PC858_EURO',
  'PC860_PORTUGUESE',
  'PC863_CANADIAN_FRENCH',
  'PC865_NORDIC',
  'PC852_LATIN2',
  'PC857_TURKISH',
  'PC737_GREEK',
  'PC866_CYRILLIC2',
  'WPC1252',
  'ISO8859_15_LATIN9',
] as const;
export type CodePage = (typeof CODE_PAGES)[number];

export const PAPER_WIDTHS_MM = [58, 80] as const;
/** Most characters per line of normal-size text a roll can take (Font B is the narrow one). */
export const MAX_COLUMNS_BY_PAPER: Readonly<Record<(typeof PAPER_WIDTHS_MM)[number], number>> = { 58: 42, 80: 64 };

const deviceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes, at most 32')
  .describe('Names the device in the profile, the logs and the admin screen');
const stationId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a station id such as bar');
const line = z.string().max(64);

export const printerOptionsSchema = z.object({
  paperWidthMm: z
    .union([z.literal(58), z.literal(80)])
    .default(80)
    .describe('Roll width: 58 or 80 mm'),
  columns: z
    .int()
    .min(20)
    .max(64)
    .default(48)
    .describe('Characters per line at normal size: 32 on 58 mm; 42 or 48 on 80 mm'),
  codePage: z.enum(CODE_PAGES).default('PC858_EURO').describe('Code page for accented letters'),
  cut: z.enum(['full', 'partial', 'none']).default('partial').describe('What happens at the end of a slip'),
  status: z
    .enum(['dle-eot', 'none'])
    .optional()
    .describe(
      'Ask the printer whether it is ready before each job (DLE EOT); `none` for printers that do not answer. Default: dle-eot for escpos, none for star-line',
    ),
  beep: z
    .object({
      times: z.int().min(1).max(9).describe('Beeps'),
      length: z.int().min(1).max(9).describe('Length of each beep, about 100 ms a step'),
    })
    .optional()
    .describe("Sound the printer's buzzer with each slip (kitchen printers with a buzzer)"),
  backup: deviceId.optional().describe('The printer that takes its jobs when it has failed too often'),
});

const common = {
  id: deviceId,
  name: z.string().min(1).max(60).optional().describe('Shown on the admin screen (the id when left out)'),
  driver: z.string().min(1).max(40).describe('One of the drivers below; the role must be one it serves'),
  connection: connectionSchema,
};

export const receiptPrinterSchema = z.object({
  ...common,
  role: z.literal('receipt-printer'),
  ...printerOptionsSchema.shape,
  receipt: z
    .object({
      header: z.array(line).max(6).default([]).describe('Lines under the store name: address, phone, tax number'),
      footer: z.array(line).max(6).default([]).describe('Lines at the bottom, e.g. "Thank you!"'),
      qr: z
        .boolean()
        .default(true)
        .describe("Print a QR code of the e-receipt's address on the store box (on the store's network)"),
    })
    .prefault({})
    .describe('What a receipt says besides the order'),
});

export const kitchenPrinterSchema = z.object({
  ...common,
  role: z.literal('kitchen-printer'),
  ...printerOptionsSchema.shape,
  stations: z
    .array(stationId)
    .min(1)
    .max(30)
    .describe('The kitchen stations whose tickets it prints (a station prints when its printTickets setting is on)'),
});

/** The screens a scanner on the store box can belong to (its scans go to every paired screen of that role). */
export const SCANNER_SCREENS = ['counter'] as const;

export const scannerSchema = z.object({
  ...common,
  role: z.literal('scanner'),
  screen: z
    .enum(SCANNER_SCREENS)
    .optional()
    .describe(
      'The screens whose scanner it is (hid-pos): each code it reads goes to every paired screen of this role over the stream, to no other. Left out: its scans reach no screen (the admin screen shows them)',
    ),
});

export const cashDrawerSchema = z.object({
  ...common,
  role: z.literal('cash-drawer'),
  connection: connectionSchema.prefault('printer'),
  driver: common.driver.default('printer-kick'),
  printer: deviceId.describe('The printer whose drawer port it is plugged into'),
  pin: z
    .union([z.literal(2), z.literal(5)])
    .default(2)
    .describe('Drawer port pin: 2 for the first drawer, 5 for a second on the same printer'),
  drawers: z
    .array(z.string().min(1).max(64))
    .max(10)
    .default([])
    .describe("The store's cash drawers (ids or names, as on the admin screen) it is; empty: every drawer"),
});

export const paymentTerminalSchema = z.object({ ...common, role: z.literal('payment-terminal') });
export const customerDisplaySchema = z.object({
  ...common,
  role: z.literal('customer-display'),
  counter: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe(
      'A pole display (escpos-display): the name of the counter screen it shows, as paired (the admin screen lists it); left out: the counter that last changed its ticket',
    ),
  columns: z.int().min(16).max(40).default(20).describe('A pole display: characters a line (20 on most)'),
});

export const hardwareDeviceSchema = z.discriminatedUnion('role', [
  receiptPrinterSchema,
  kitchenPrinterSchema,
  scannerSchema,
  cashDrawerSchema,
  paymentTerminalSchema,
  customerDisplaySchema,
]);
export type HardwareDevice = z.infer<typeof hardwareDeviceSchema>;
export type HardwareDeviceInput = z.input<typeof hardwareDeviceSchema>;
export type PrinterDevice = z.infer<typeof receiptPrinterSchema> | z.infer<typeof kitchenPrinterSchema>;
export type ReceiptPrinterDevice = z.infer<typeof receiptPrinterSchema>;
export type KitchenPrinterDevice = z.infer<typeof kitchenPrinterSchema>;
export type CashDrawerDevice = z.infer<typeof cashDrawerSchema>;

export const hardwareProfileSchema = z
  .object({
    $schema: z.string().max(300).optional(),
    version: z.literal(1).describe('Format version of the profile'),
    name: z.string().min(1).max(80).describe('What this profile is for, e.g. "Front counter and kitchen"'),
    devices: z.array(hardwareDeviceSchema).max(64),
  })
  .strict();
export type HardwareProfile = z.infer<typeof hardwareProfileSchema>;
export type HardwareProfileInput = z.input<typeof hardwareProfileSchema>;

export function isPrinter(d: HardwareDevice): d is PrinterDevice {
  return d.role === 'receipt-printer' || d.role === 'kitchen-printer';
}

/** Whether the printer is asked for its status before each job. */
export function printerAsksStatus(d: PrinterDevice): boolean {
  return (d.status ?? (d.driver === 'escpos' ? 'dle-eot' : 'none')) === 'dle-eot';
}
