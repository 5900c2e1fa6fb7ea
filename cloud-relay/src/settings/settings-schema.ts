/**
 * The cloud relay's settings: one schema, a description and a default for each key that runs
 * the chain demo on one machine (an embedded PGlite database, a broker on loopback). Env
 * overrides are derived from the key path (`mqtt.url` → `TILLBOX_CLOUD_MQTT_URL`); keys marked
 * `secret` are masked when the settings are printed.
 */
import { hostname } from 'node:os';
import { memberHashKeySettingSchema } from '@tillbox/core';
import { z } from 'zod';

export const SECRET = { secret: true } as const;

const filePath = z.string().max(4096);

export const settingsSchema = z
  .object({
    instanceId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, dots, dashes and underscores')
      .default(
        hostname()
          .replace(/[^A-Za-z0-9._-]/g, '-')
          .slice(0, 63) || 'relay',
      )
      .describe(
        'This instance, in logs and in its MQTT client id (its broker session, which keeps messages while it restarts): stable across restarts, different for each instance sharing the work',
      ),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('How much is logged'),
    mqtt: z
      .object({
        url: z
          .string()
          .regex(/^(mqtts?|wss?|tcp|tls):\/\//, 'an mqtt://, mqtts://, ws:// or wss:// URL')
          .default('mqtt://127.0.0.1:1883')
          .describe('The broker (Mosquitto, EMQX, HiveMQ; the demo: the edge’s embedded broker)'),
        username: z.string().max(256).default('cloud-relay').describe('The relay’s broker user'),
        password: z.string().max(1024).default('').meta(SECRET).describe('The relay’s broker password'),
        caFile: filePath.default('').describe('PEM file of the CA that signed the broker’s certificate (TLS)'),
        certFile: filePath.default('').describe('PEM client certificate, when the broker asks for one'),
        keyFile: filePath.default('').describe('PEM key of the client certificate'),
        protocolVersion: z
          .union([z.literal(4), z.literal(5)])
          .default(5)
          .describe(
            '5 (shared subscriptions); 4 (MQTT 3.1.1) only for a broker without them: every instance then gets everything',
          ),
        shareGroup: z
          .string()
          .regex(/^[A-Za-z0-9_-]{0,64}$/, 'letters, digits, dashes and underscores')
          .default('cloud-relay')
          .describe('The shared-subscription group ($share/<group>/...); empty subscribes without sharing'),
        keepaliveSeconds: z.int().min(5).max(3600).default(30).describe('MQTT keepalive'),
        receiveMaximum: z
          .int()
          .min(1)
          .max(65535)
          .default(1000)
          .describe(
            'Messages in flight to this instance at once: it reads no more until it acknowledges some (two batches, so the next batch comes in while one is written)',
          ),
      })
      .prefault({})
      .describe('The MQTT broker'),
    database: z
      .object({
        url: z
          .string()
          .max(4096)
          .default('')
          .meta(SECRET)
          .describe('PostgreSQL URL (postgres://user:pass@host/db); empty uses the embedded PGlite database'),
        pgliteDir: z
          .string()
          .max(4096)
          .default('./data/cloud')
          .describe('Folder of the embedded PGlite database when no URL is set; memory:// keeps it in memory'),
        poolSize: z.int().min(1).max(100).default(10).describe('PostgreSQL connections of this instance'),
      })
      .prefault({})
      .describe('Where the chain’s data lives (the only state: instances keep none)'),
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1').describe('Address of the online ordering API'),
        port: z.int().min(0).max(65535).default(8090).describe('Port of the online ordering API (0 picks a free one)'),
        bodyLimitBytes: z
          .int()
          .min(1024)
          .max(16 * 1024 * 1024)
          .default(2 * 1024 * 1024)
          .describe('Largest request body (a configuration document); larger ones get 413'),
        webDir: filePath
          .default('')
          .describe(
            'The web build (web/build) whose guest page /order the relay serves beside its API, same origin; empty: no page (`npm start` sets it)',
          ),
      })
      .prefault({})
      .describe('The HTTP API'),
    admin: z
      .object({
        token: z
          .string()
          .max(256)
          .default('')
          .meta(SECRET)
          .describe('Bearer token of the configuration endpoints; empty allows them from loopback only'),
      })
      .prefault({})
      .describe('Configuration publishing'),
    ingest: z
      .object({
        batchSize: z.int().min(1).max(5000).default(500).describe('Most events written in one transaction'),
        batchDelayMs: z
          .int()
          .min(0)
          .max(1000)
          .default(5)
          .describe('How long a batch waits for more events before it is written'),
      })
      .prefault({})
      .describe('Event ingest'),
    orders: z
      .object({
        answerTimeoutMs: z
          .int()
          .min(100)
          .max(120_000)
          .default(10_000)
          .describe('How long placing an online order waits for the store to accept or reject it'),
        offlineAfterSeconds: z
          .int()
          .min(0)
          .max(86_400)
          .default(0)
          .describe(
            'Also count a store as offline when nothing (state or events) came from it for this long; 0 trusts its state topic and last will alone (the edge republishes its state only while its backlog changes)',
          ),
      })
      .prefault({})
      .describe('Online and app orders'),
    repair: z
      .object({
        checkMs: z
          .int()
          .min(0)
          .max(600_000)
          .default(2000)
          .describe('How often stores are checked for missing events (a gap below their highest seq); 0: never'),
        graceMs: z
          .int()
          .min(0)
          .max(600_000)
          .default(3000)
          .describe('How long a gap must stay still (messages may still be on their way) before the store is asked'),
        retryMs: z
          .int()
          .min(100)
          .max(3_600_000)
          .default(15_000)
          .describe('How long to wait for an answer before asking a store again for the same events'),
      })
      .prefault({})
      .describe('Filling gaps: the cloud asks a store to send missing events again (events/resend)'),
    loyalty: z
      .object({
        callingCode: z
          .string()
          .regex(/^\d{0,3}$/, 'a country calling code: 1 to 3 digits, or empty')
          .default('1')
          .describe('Country calling code of phone numbers written without one (members, lookups); empty: none'),
        memberHashKey: memberHashKeySettingSchema
          .default('')
          .meta(SECRET)
          .describe(
            "The chain's member key: stores keep guests' phone numbers and cards as an HMAC with it (the cloud sends these with a member's balance). The same secret as every store's loyalty.memberHashKey (empty: the demo chain's key, for the demo only)",
          ),
        demoMembers: z
          .boolean()
          .default(false)
          .describe(
            'Open the demo members at start (Ada, +1 555 010 0199, card TBXM1-demo-ada-0000000001, 500 points) unless they exist',
          ),
        expiryMonths: z
          .int()
          .min(0)
          .max(120)
          .default(0)
          .describe(
            "Points expire after this many months without activity (no points earned or spent at any store): the member's whole balance, once per quiet spell; 0: points never expire",
          ),
        expiryCheckMinutes: z
          .int()
          .min(1)
          .max(10_080)
          .default(60)
          .describe(
            'How often the expiry job looks for inactive members (any instance may run it: each expiry is written once)',
          ),
      })
      .prefault({})
      .describe('The loyalty programme: accounts and their ledger'),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
