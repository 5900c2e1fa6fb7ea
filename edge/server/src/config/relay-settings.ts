/**
 * Settings of the MQTT relay between the store box and the cloud (docs/mqtt.md), and of the
 * broker the edge can run itself for the demo. Part of the one settings schema (`relay.*`).
 */
import { z } from 'zod';

const filePath = z.string().max(1024).default('');

export const relaySettingsSchema = z
  .object({
    url: z
      .string()
      .max(1024)
      .regex(/^$|^(mqtts?|wss?|tcp|ssl):\/\/[^\s]+$/, 'empty, or a broker URL such as mqtts://broker.example.com:8883')
      .default('')
      .describe(
        'Broker URL (mqtt://host:1883, mqtts://host:8883); empty: the embedded broker when it runs, else nothing leaves the box',
      ),
    protocol: z
      .enum(['5', '3.1.1'])
      .default('5')
      .describe('MQTT version spoken to the broker (the embedded broker always speaks 3.1.1)'),
    clientId: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, dashes and underscores')
      .default('')
      .describe('MQTT client id; empty: tillbox-edge-{store id}'),
    username: z.string().max(256).default('').describe('Per-store broker user name (or use a client certificate)'),
    password: z.string().max(1024).default('').meta({ secret: true }).describe('Per-store broker password'),
    tls: z
      .object({
        ca: filePath.describe('PEM file of the CA that signed the broker certificate; empty: the system CAs'),
        cert: filePath.describe('PEM file of this store’s client certificate'),
        key: filePath.describe('PEM file of the client certificate’s private key'),
        rejectUnauthorized: z.boolean().default(true).describe('Refuse a broker whose certificate does not verify'),
      })
      .prefault({})
      .describe('TLS with mqtts:// (a per-store client certificate when cert and key are set)'),
    window: z
      .int()
      .min(1)
      .max(10_000)
      .default(500)
      .describe(
        'Events published and not yet acknowledged by the broker, at most (250–500 drained a backlog fastest in docs/performance.md; 4,000 drained it a third slower, at more CPU per event)',
      ),
    keepaliveSeconds: z.int().min(5).max(600).default(30).describe('MQTT keepalive'),
    reconnectMs: z.int().min(100).max(300_000).default(2000).describe('Wait before reconnecting to the broker'),
    sessionExpirySeconds: z
      .int()
      .min(0)
      .max(4_294_967_295)
      .default(7 * 24 * 3600)
      .describe('MQTT 5: how long the broker keeps the store’s session (and its queued messages) while it is away'),
    requestTimeoutMs: z
      .int()
      .min(100)
      .max(120_000)
      .default(5000)
      .describe('How long a request to the cloud (a loyalty balance) waits before the offline answer'),
    stateIntervalMs: z
      .int()
      .min(200)
      .max(600_000)
      .default(5000)
      .describe('How often the retained state (backlog, head seq) is published while it changes'),
    embeddedBroker: z
      .boolean()
      .default(false)
      .describe('Run an MQTT 3.1.1 broker (aedes) inside the edge on 127.0.0.1 for the demo; `npm start` turns it on'),
    embeddedBrokerPort: z
      .int()
      .min(0)
      .max(65535)
      .default(1883)
      .describe('Port of the embedded broker on 127.0.0.1 (0 picks a free one)'),
    embeddedBrokerCloudClientId: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, dashes and underscores')
      .default('')
      .describe(
        'MQTT client id of the cloud relay whose persistent session the embedded broker opens at start (subscribed at QoS 1 to every store’s events, state and answers), so what the edge publishes before that relay first connects waits for it in the broker; empty: none. `npm start` sets tillbox-cloud-relay-demo',
      ),
  })
  .prefault({})
  .superRefine((r, ctx) => {
    if ((r.tls.cert === '') !== (r.tls.key === ''))
      ctx.addIssue({ code: 'custom', path: ['tls', 'key'], message: 'a client certificate needs both cert and key' });
  })
  .describe('MQTT relay to the cloud');
export type RelaySettings = z.infer<typeof relaySettingsSchema>;
