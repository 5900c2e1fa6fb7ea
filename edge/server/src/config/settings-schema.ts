/**
 * One settings schema. Every key has a description and a default that runs the demo store;
 * env overrides are derived from the key path (`http.port` → `TILLBOX_HTTP_PORT`), and keys
 * marked `secret` are masked when the settings are printed.
 */
import { bumpBarKeysSchema, isValidTimeZone, memberHashKeySettingSchema, stationSchema } from '@tillbox/core';
import { z } from 'zod';
import { paymentSettingsSchema } from './payment-settings.js';
import { relaySettingsSchema } from './relay-settings.js';

export const SECRET = { secret: true } as const;

export const settingsSchema = z
  .object({
    store: z
      .object({
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes')
          .default('demo-store')
          .describe('Store id, unique in the chain; used in MQTT topics'),
        name: z.string().min(1).max(80).default('Tillbox Demo Coffee').describe('Store name shown on screens'),
        timeZone: z
          .string()
          .refine(isValidTimeZone, 'not an IANA time zone such as America/New_York')
          .default('America/New_York')
          .describe('IANA time zone: business days, order numbers and time windows follow it'),
        businessDayStartHour: z
          .int()
          .min(0)
          .max(12)
          .default(4)
          .describe('Local hour the business day starts; order numbers restart then'),
      })
      .prefault({})
      .describe('The store'),
    http: z
      .object({
        host: z.string().min(1).default('0.0.0.0').describe('Address to listen on; the screens reach it over the LAN'),
        port: z
          .int()
          .min(0)
          .max(65535)
          .default(8080)
          .describe('HTTP port of the screens, API and stream (0 picks a free one)'),
        bodyLimitBytes: z
          .int()
          .min(1024)
          .max(10 * 1024 * 1024)
          .default(256 * 1024)
          .describe('Largest request body accepted; larger ones get 413'),
        headersTimeoutMs: z
          .int()
          .min(100)
          .max(300_000)
          .default(10_000)
          .describe('A connection that has not sent a whole request head in this time gets 408 and is closed'),
        requestTimeoutMs: z
          .int()
          .min(100)
          .max(600_000)
          .default(30_000)
          .describe('A request not received whole (head and body) in this time gets 408 and is closed'),
        keepAliveTimeoutMs: z
          .int()
          .min(100)
          .max(600_000)
          .default(10_000)
          .describe('An idle connection between requests is closed after this'),
        connectionTimeoutMs: z
          .int()
          .min(1000)
          .max(3_600_000)
          .default(180_000)
          .describe(
            'A connection with no traffic either way for this long is closed; longer than any wait for a card terminal',
          ),
        maxConnectionsPerAddress: z
          .int()
          .min(1)
          .max(100_000)
          .default(256)
          .describe('Open connections (requests and streams) one address may hold; more are closed at once'),
      })
      .prefault({})
      .superRefine((h, ctx) => {
        if (h.headersTimeoutMs > h.requestTimeoutMs)
          ctx.addIssue({
            code: 'custom',
            path: ['headersTimeoutMs'],
            message: 'headersTimeoutMs must not be above requestTimeoutMs',
          });
      })
      .describe('HTTP server'),
    data: z
      .object({
        dir: z.string().min(1).default('./data').describe('Folder of the SQLite database and other store data'),
      })
      .prefault({})
      .describe('Storage'),
    stream: z
      .object({
        heartbeatMs: z.int().min(500).max(60_000).default(5000).describe('Interval of heartbeats on the stream'),
        maxBufferedBytes: z
          .int()
          .min(16 * 1024)
          .default(4 * 1024 * 1024)
          .describe('A client with more unsent bytes than this is dropped so it cannot stall others; it resumes'),
        maxBacklog: z
          .int()
          .min(10)
          .max(100_000)
          .default(10_000)
          .describe('Most missed events replayed on resume; further behind, the client reloads its snapshot'),
      })
      .prefault({})
      .describe('The WebSocket stream'),
    web: z
      .object({
        dir: z.string().default('').describe('Folder of the built web app; empty means the one in this checkout'),
      })
      .prefault({})
      .describe('Web screens'),
    kitchen: z
      .object({
        stations: z
          .array(stationSchema)
          .min(1)
          .max(30)
          .default([
            stationSchema.parse({ id: 'bar', name: 'Bar', prepMinutes: 4, printTickets: true }),
            stationSchema.parse({
              id: 'kitchen',
              name: 'Kitchen',
              prepMinutes: 8,
              warnAfterSeconds: 300,
              lateAfterSeconds: 600,
              printTickets: true,
            }),
          ])
          .describe(
            'Kitchen stations, each with its KDS at /kds/{id}; items route by these lists, then by the catalog',
          ),
        defaultStation: z.string().min(1).max(32).default('kitchen').describe('Station of items no rule routes'),
        counterFires: z
          .enum(['at-once', 'on-payment'])
          .default('at-once')
          .describe('When counter orders go to the kitchen (kiosk, app and online orders fire when paid)'),
        expoAutoReady: z
          .boolean()
          .default(true)
          .describe('An order is ready as soon as every station has bumped it (else the expo marks it)'),
        recallMinutes: z.int().min(1).max(240).default(30).describe('How long bumped tickets can be recalled'),
        pickupReadyMinutes: z
          .int()
          .min(1)
          .max(240)
          .default(15)
          .describe('Ready orders leave the pickup board after this'),
        bumpBar: bumpBarKeysSchema.prefault({}).describe('Bump bar keys (KeyboardEvent.key names)'),
      })
      .prefault({})
      .superRefine((k, ctx) => {
        const ids = k.stations.map((s) => s.id);
        if (!ids.includes(k.defaultStation))
          ctx.addIssue({
            code: 'custom',
            path: ['defaultStation'],
            message: `no station "${k.defaultStation}" (stations: ${ids.join(', ')})`,
          });
        ids.forEach((id, i) => {
          if (id === 'expo')
            ctx.addIssue({
              code: 'custom',
              path: ['stations', i, 'id'],
              message: '"expo" is the expo view, not a station',
            });
          if (ids.indexOf(id) !== i)
            ctx.addIssue({ code: 'custom', path: ['stations', i, 'id'], message: `duplicate station "${id}"` });
        });
        k.stations.forEach((st, i) => {
          if (st.lateAfterSeconds <= st.warnAfterSeconds) {
            ctx.addIssue({
              code: 'custom',
              path: ['stations', i, 'lateAfterSeconds'],
              message: `station "${st.id}": lateAfterSeconds must be above warnAfterSeconds`,
            });
          }
        });
      })
      .describe('The kitchen'),
    payments: paymentSettingsSchema,
    devices: z
      .object({
        profile: z
          .string()
          .max(500)
          .default('')
          .describe(
            "Hardware profile (JSON; see firmware-config/README.md) of the store's printers, scanners, drawers and terminal; empty: the demo profile of virtual devices (firmware-config/profiles/demo.json) when `demo` is on, else no hardware",
          ),
        retryMs: z
          .int()
          .min(20)
          .max(600_000)
          .default(2000)
          .describe(
            'A print job that failed is tried again after this, then twice as long each time (up to maxRetryMs)',
          ),
        maxRetryMs: z
          .int()
          .min(20)
          .max(3_600_000)
          .default(30_000)
          .describe('Longest wait between two attempts of a print job'),
        rerouteAfterFailures: z
          .int()
          .min(1)
          .max(100)
          .default(3)
          .describe("A print job that failed this many times on its printer goes to the printer's backup"),
        statusTimeoutMs: z
          .int()
          .min(100)
          .max(30_000)
          .default(2000)
          .describe('How long a printer has to accept a connection, answer its status (DLE EOT) or take a job'),
        statusPollSeconds: z
          .int()
          .min(0)
          .max(3600)
          .default(15)
          .describe(
            'Idle printers are asked for their status this often, for the admin screen (0: only when printing)',
          ),
        kickExpirySeconds: z
          .int()
          .min(5)
          .max(600)
          .default(30)
          .describe(
            'A cash drawer kick not sent within this time is dropped: a drawer must not fly open minutes later',
          ),
        printJobRetentionDays: z
          .int()
          .min(1)
          .max(3650)
          .default(14)
          .describe(
            'Printed print jobs older than this are deleted by an hourly maintenance pass (failed, expired and unconfirmed ones are kept)',
          ),
        receiptUrl: z
          .string()
          .max(200)
          .regex(/^$|^https?:\/\/\S+$/, 'empty, or an http(s) address')
          .default('')
          .describe(
            "The e-receipt's address printed as a QR code and shown on screens ({orderId} and {token} are filled in; without {token} the link ends in ?t=TOKEN); empty: this box's LAN address, http://IP:PORT/receipt/{orderId}?t=TOKEN",
          ),
      })
      .prefault({})
      .superRefine((d, ctx) => {
        if (d.maxRetryMs < d.retryMs)
          ctx.addIssue({ code: 'custom', path: ['maxRetryMs'], message: 'maxRetryMs must not be below retryMs' });
      })
      .describe('The device hub: printers, scanners, cash drawers'),
    orders: z
      .object({
        unpaidKioskExpiryMinutes: z
          .int()
          .min(0)
          .max(1440)
          .default(30)
          .describe(
            'A kiosk order left unpaid this long is cancelled by the edge (reason "expired"), so it leaves the screens; 0 keeps them',
          ),
        unpickedExpiryMinutes: z
          .int()
          .min(0)
          .max(10_080)
          .default(120)
          .describe(
            'An app or online order nobody picked up this long after it was due is ended by the edge (cancelled or voided when unpaid, refunded to the app when paid), so the stock it reserved goes back on sale; 0 keeps them',
          ),
      })
      .prefault({})
      .describe('Orders'),
    cash: z
      .object({
        varianceApprovalAmount: z
          .int()
          .min(0)
          .max(100_000_000)
          .default(500)
          .describe(
            "A drawer counted more than this many minor units over or short (against what it should hold) needs a manager's PIN to close",
          ),
      })
      .prefault({})
      .describe('Cash drawers'),
    kiosk: z
      .object({
        idleSeconds: z
          .int()
          .min(2)
          .max(3600)
          .default(60)
          .describe('A kiosk with an order started and no touch for this long asks the guest "Are you still there?"'),
        idleCountdownSeconds: z
          .int()
          .min(2)
          .max(300)
          .default(20)
          .describe(
            '"Are you still there?" counts this many seconds down on screen, then clears the order and the name for the next guest',
          ),
        confirmationSeconds: z
          .int()
          .min(2)
          .max(600)
          .default(20)
          .describe(
            'The order number stays on screen this long before the kiosk returns to the start ("More time" adds as much)',
          ),
      })
      .prefault({})
      .describe('Self-order kiosks'),
    loyalty: z
      .object({
        offlineMaxPointsPerGuestPerDay: z
          .int()
          .min(0)
          .max(10_000_000)
          .default(300)
          .describe(
            'While the loyalty service (the cloud) cannot be reached, at most this many points are redeemed per guest per business day at this store (0: none), and never more than the estimated balance',
          ),
        requestTimeoutMs: z
          .int()
          .min(100)
          .max(30_000)
          .default(1500)
          .describe('How long a lookup or an order waits for the cloud before it uses the offline estimate'),
        callingCode: z
          .string()
          .regex(/^\d{0,3}$/, 'a country calling code: 1 to 3 digits, or empty')
          .default('1')
          .describe("The store's country calling code, for phone numbers guests give without one"),
        memberHashKey: memberHashKeySettingSchema
          .default('')
          .meta(SECRET)
          .describe(
            "The chain's member key: guests' phone numbers and cards are kept at the store as an HMAC with it, never as they are. The same secret as the cloud relay's loyalty.memberHashKey (empty: the demo chain's key, for the demo only)",
          ),
        lookupsPerDevicePerMinute: z
          .int()
          .min(1)
          .max(10_000)
          .default(20)
          .describe(
            'At most this many loyalty lookups (card, phone or member id) a minute from one screen; more are refused (429) until the minute has passed, so a screen cannot be used to try phone numbers one after another',
          ),
      })
      .prefault({})
      .describe('Loyalty: identifying guests, their points, and redemption while the cloud is away'),
    log: z
      .object({
        level: z
          .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
          .default('info')
          .describe('Log level'),
      })
      .prefault({})
      .describe('Logging'),
    demo: z
      .boolean()
      .default(false)
      .describe(
        'Demo store: the launcher pairs a screen in one click from this machine (localhost only) and demo staff are seeded. `npm start` turns it on; never on in a real store',
      ),
    security: z
      .object({
        allowedHosts: z
          .array(z.string().min(1).max(253))
          .max(50)
          .default([])
          .describe(
            'Host names the screens may use besides IP addresses and localhost (e.g. the box name `tillbox.local`); other Host headers are refused',
          ),
        pairingCodeMinutes: z.int().min(1).max(1440).default(15).describe('How long a pairing code can be used'),
        staffIdleMinutes: z
          .int()
          .min(1)
          .max(720)
          .default(10)
          .describe('A signed-in staff member is signed out after this long without a request from their screen'),
        pinMaxFailures: z
          .int()
          .min(3)
          .max(100)
          .default(10)
          .describe('Failed PINs (per staff member and per device) before a lockout'),
        pinLockoutMinutes: z.int().min(1).max(1440).default(30).describe('How long a PIN lockout lasts'),
        discountApprovalPercent: z
          .int()
          .min(0)
          .max(100)
          .default(20)
          .describe(
            "A discount of more than this percent (of what is left on the order or line, or all discounts on the order together) needs a manager's PIN; comps always do",
          ),
        discountApprovalAmount: z
          .int()
          .min(0)
          .max(100_000_000)
          .default(1000)
          .describe(
            "A discount of more than this many minor units (alone, or all discounts on the order together) needs a manager's PIN",
          ),
        bootstrapPairingCode: z
          .string()
          .regex(/^$|^[A-Z2-9]{4}-?[A-Z2-9]{4}$/, 'empty, or 8 letters/digits like ABCD-EF23')
          .default('')
          .meta(SECRET)
          .describe(
            'Pairing code for the first admin screen of a new store (e.g. set by the fleet at install); empty: the edge makes one and logs it while no admin screen is paired',
          ),
      })
      .prefault({})
      .describe('Devices, staff sign-in and browser protections'),
    relay: relaySettingsSchema,
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
