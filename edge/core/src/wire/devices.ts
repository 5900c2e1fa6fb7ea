/**
 * The device hub's HTTP API: the store's hardware with its state and queue, print jobs (list,
 * reprint, test print), what a virtual printer printed, and switching a virtual printer's state
 * (paper out, cover open, off) to try the store's behaviour.
 */
import { z } from 'zod';
import { HARDWARE_ROLES } from '../devices/hardware-profile.js';
import { DEVICE_STATES, PRINT_JOB_KINDS, PRINT_JOB_STATES } from '../devices/print-jobs.js';
import { scanSchema } from '../devices/scan.js';
import { UUID_V7 } from '../ids.js';

const iso = z.string().describe('ISO 8601');
const hardwareId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a device id of the hardware profile');
const jobId = z.string().regex(UUID_V7, 'a UUIDv7');

export const hardwareDeviceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(HARDWARE_ROLES),
  driver: z.string(),
  connection: z.string().describe('As the profile writes it: usb:04b8:0e15, tcp:10.0.0.5:9100, virtual, …'),
  virtual: z.boolean().describe("The store box's own twin (the demo's devices)"),
  state: z.enum(DEVICE_STATES),
  lastError: z.string().optional(),
  lastErrorAt: iso.optional(),
  checkedAt: iso.optional().describe('When the state was last learnt'),
  backup: z.string().optional(),
  columns: z.int().optional().describe("A printer's characters per line"),
  stations: z.array(z.string()).optional(),
  printer: z.string().optional().describe("A cash drawer's printer"),
  screen: z.string().optional().describe("The screens a scanner's codes go to"),
  lastScan: scanSchema
    .omit({ id: true, device: true })
    .optional()
    .describe("A HID POS scanner's last scan (a loyalty card's code shown by its prefix only)"),
  queue: z.object({
    queued: z.int().describe('Print jobs waiting for it (or being sent)'),
    failing: z.int().describe('Of those, how many have failed at least once or were rerouted to it'),
  }),
});
export type HardwareDeviceView = z.infer<typeof hardwareDeviceViewSchema>;

export const usbDeviceViewSchema = z.object({
  vendorId: z.string().describe('Hex, as lsusb shows it'),
  productId: z.string(),
  bus: z.int(),
  address: z.int(),
  usedBy: z.string().optional().describe('The profile device it is'),
  fingerprint: z
    .object({ vendor: z.string(), model: z.string(), role: z.string(), driver: z.string(), confidence: z.string() })
    .optional()
    .describe('What the fingerprint table knows of it'),
});

export const hardwareListSchema = z.object({
  profile: z
    .object({ name: z.string(), path: z.string() })
    .nullable()
    .describe('The hardware profile in use; null when the store has none'),
  devices: z.array(hardwareDeviceViewSchema),
  usb: z.object({
    available: z.boolean().describe('Whether this store box can use its USB bus'),
    devices: z.array(usbDeviceViewSchema),
  }),
});
export type HardwareList = z.infer<typeof hardwareListSchema>;

export const printJobViewSchema = z.object({
  id: z.string(),
  kind: z.enum(PRINT_JOB_KINDS),
  state: z.enum(PRINT_JOB_STATES),
  device: z.string().describe('The printer it goes (or went) to'),
  reroutedFrom: z.string().optional().describe('The printer it was made for, when it went to its backup'),
  orderId: z.string().optional(),
  orderNumber: z.int().optional(),
  station: z.string().optional(),
  attempts: z.int(),
  lastError: z.string().optional(),
  lastErrorAt: iso.optional(),
  createdAt: iso,
  printedAt: iso.optional(),
  reprintOf: z.string().optional(),
});
export type PrintJobView = z.infer<typeof printJobViewSchema>;

export const printJobListQuerySchema = z.object({
  device: hardwareId.optional(),
  order: z.string().regex(UUID_V7, 'an order id').optional().describe("Only this order's jobs"),
  state: z.enum(PRINT_JOB_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const printJobListSchema = z.object({ jobs: z.array(printJobViewSchema) });
export type PrintJobList = z.infer<typeof printJobListSchema>;

export const printJobParamsSchema = z.object({ id: jobId });
export const hardwareParamsSchema = z.object({ id: hardwareId });

export const reprintBodySchema = z
  .object({
    jobId: jobId.describe('A UUIDv7 the screen makes: the same id sent twice is one reprint'),
    device: hardwareId.optional().describe('Another printer to print it on (default: the one it was made for)'),
  })
  .describe('Print a job again (a receipt says COPY)');
export type ReprintBody = z.infer<typeof reprintBodySchema>;

export const testPrintBodySchema = z
  .object({ jobId: jobId.describe('A UUIDv7 the screen makes: the same id sent twice is one test slip') })
  .describe('Print a test slip');

export const VIRTUAL_DEVICE_STATES = ['ready', 'paper-out', 'cover-open', 'error', 'off'] as const;
export const virtualStateBodySchema = z
  .object({ state: z.enum(VIRTUAL_DEVICE_STATES) })
  .describe("Set a virtual printer's state: out of paper, cover open, an error, off (refusing connections) or ready");

const decodedLineSchema = z.object({
  text: z.string(),
  layout: z.string().describe('The text placed as the printer aligns it'),
  align: z.enum(['left', 'center', 'right']),
  bold: z.boolean(),
  invert: z.boolean(),
  underline: z.boolean(),
  widthScale: z.int(),
  heightScale: z.int(),
});

export const printoutListSchema = z.object({
  device: z.string(),
  state: z.enum(VIRTUAL_DEVICE_STATES),
  printed: z.int().describe('Printouts since the store box started'),
  printouts: z
    .array(
      z.object({
        at: iso,
        bytes: z.int(),
        lines: z.array(decodedLineSchema),
        cuts: z.int(),
        drawerKicks: z.int(),
        qrCodes: z
          .array(z.object({ afterLine: z.int().describe('How many lines precede it'), data: z.string() }))
          .describe('The QR codes it drew (GS ( k), with what they hold'),
        warnings: z.array(z.string()).describe('Bytes a printer would not understand'),
      }),
    )
    .describe('Newest first, as the paper shows them (decoded from the bytes it received)'),
});
export type PrintoutList = z.infer<typeof printoutListSchema>;
