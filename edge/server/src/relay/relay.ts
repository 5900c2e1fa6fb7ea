/**
 * The MQTT relay between the store box and the cloud (docs/mqtt.md): one connection, the event
 * outbox, app and online orders in, configuration in, requests out, and the retained `state`.
 * Nothing here sits on the HTTP path: orders are committed and answered whatever the broker does,
 * and the outbox catches up from the log. `start()` does not wait for the broker.
 */
import {
  relayStateSchema,
  type Channel,
  type ConfigKind,
  type EventsResend,
  type KitchenConfig,
  type OrderAnswer,
  type RelayState,
  type RelayStatus,
  type RpcMethod,
  type RpcParams,
  type RpcResult,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { Settings } from '../config/settings.js';
import type { EventLog } from '../events/event-log.js';
import { PRINT_JOBS_CURSOR, type CursorRepository } from '../events/cursor-repository.js';
import type { OrderService } from '../orders/order-service.js';
import type { StorageHealth } from '../db/storage-health.js';
import type { LogRestore } from '../events/log-restore.js';
import { CloudRestore, VERIFIED_CURSOR, type RestoreOutcome } from './cloud-restore.js';
import { ConfigSync } from './config-sync.js';
import { EmbeddedBroker } from './embedded-broker.js';
import { EventOutbox } from './event-outbox.js';
import { InboundOrders } from './inbound-orders.js';
import { readInbound, RelayConnection, type InboundTopic } from './relay-connection.js';
import { offline, RelayRequests } from './relay-requests.js';

/** The durable cursor of the outbox in `log_cursors`. */
export const RELAY_CURSOR = 'mqtt-relay';
/** How long after a check of the log the cloud could not answer it is made again (also on each new connection). */
const CLOUD_LOG_RECHECK_MS = 60_000;

export interface RelayContext {
  settings: Pick<Settings, 'store' | 'relay'>;
  /** The edge software's version (in `state`). */
  version: string;
  events: EventLog;
  cursors: CursorRepository;
  orders: Pick<OrderService, 'placeQueued'>;
  /** The channel of each order, by id. */
  channels: (orderIds: readonly string[]) => Map<string, Channel>;
  catalog: CatalogService;
  kitchen: KitchenConfig;
  log: Logger;
  now?: () => number;
  /** Checking the log against the cloud's copy on connecting, and restoring what it lost (./cloud-restore.ts). */
  restore?: { writer: LogRestore; health: StorageHealth };
}

export class Relay {
  readonly #c: RelayContext;
  readonly #log: Logger;
  #broker: EmbeddedBroker | undefined;
  #connection: RelayConnection | undefined;
  #outbox: EventOutbox | undefined;
  #requests: RelayRequests | undefined;
  #inbound: InboundOrders | undefined;
  #config: ConfigSync;
  #url = '';
  #stateTimer: NodeJS.Timeout | undefined;
  #lastState = '';
  /** The last check of the log against the cloud's copy; `in-step`/`restored`: it agrees (checked once per start). */
  #restore: RestoreOutcome | undefined;
  #checking: Promise<RestoreOutcome | undefined> | undefined;
  #recheck: NodeJS.Timeout | undefined;

  constructor(context: RelayContext) {
    this.#c = context;
    this.#log = context.log.child({ module: 'relay' });
    this.#config = new ConfigSync({
      storeId: context.settings.store.id,
      catalog: context.catalog,
      kitchen: context.kitchen,
      versions: context.cursors,
      ack: (ack) => this.#send('config/ack', ack),
      changed: () => this.#publishState(true),
      log: this.#log,
      ...(context.now ? { now: context.now } : {}),
    });
  }

  get enabled(): boolean {
    return this.#connection !== undefined;
  }

  async start(): Promise<void> {
    const { settings } = this.#c;
    const s = settings.relay;
    let url = s.url;
    let relaySettings = s;
    if (s.embeddedBroker) {
      this.#broker = new EmbeddedBroker({
        port: s.embeddedBrokerPort,
        cloudClientId: s.embeddedBrokerCloudClientId,
        log: this.#log,
      });
      try {
        const local = await this.#broker.start();
        // aedes speaks 3.1.1 only.
        if (url === '') [url, relaySettings] = [local, { ...s, protocol: '3.1.1' }];
      } catch (err) {
        this.#log.error({ err, port: s.embeddedBrokerPort }, 'the embedded MQTT broker could not start');
        this.#broker = undefined;
      }
    }
    if (url === '') {
      this.#log.info('no MQTT broker configured (relay.url): nothing leaves the box');
      return;
    }
    this.#url = url;
    const storeId = settings.store.id;
    const connection = new RelayConnection({
      settings: relaySettings,
      storeId,
      url,
      will: () => JSON.stringify(this.#state(false)),
      onConnect: () => {
        this.#publishState(true);
        void this.checkCloudLog();
      },
      onMessage: (name, payload) => this.#receive(name, payload),
      log: this.#log,
    });
    this.#connection = connection;
    this.#requests = new RelayRequests({
      connected: () => connection.connected,
      send: (request) => this.#send('rpc/req', request),
      timeoutMs: s.requestTimeoutMs,
      log: this.#log,
      ...(this.#c.now ? { now: this.#c.now } : {}),
    });
    this.#inbound = new InboundOrders({
      subscribe: (listener) => this.#c.events.subscribe(listener),
      place: (cmd, body) => this.#c.orders.placeQueued(cmd, body),
      answer: (answer: OrderAnswer) => this.#send('orders/out', answer),
      log: this.#log,
      ...(this.#c.now ? { now: this.#c.now } : {}),
    });
    this.#outbox = new EventOutbox({
      storeId,
      events: this.#c.events,
      cursor: this.#c.cursors.cursor(RELAY_CURSOR),
      publisher: connection,
      channels: this.#c.channels,
      log: this.#log,
      window: s.window,
    });
    this.#inbound.start();
    connection.start();
    this.#outbox.start();
    this.#stateTimer = setInterval(() => this.#publishState(false), s.stateIntervalMs);
    this.#stateTimer.unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.#recheck);
    clearInterval(this.#stateTimer);
    this.#stateTimer = undefined;
    this.#outbox?.stop();
    this.#inbound?.stop();
    this.#requests?.stop();
    const goodbye = this.#connection ? JSON.stringify(this.#state(false)) : undefined;
    await this.#connection?.stop(goodbye);
    await this.#broker?.stop();
    this.#connection = undefined;
    this.#outbox = undefined;
    this.#requests = undefined;
    this.#inbound = undefined;
    this.#broker = undefined;
  }

  /** Ask the cloud (e.g. a loyalty balance); the offline answer (`unavailable`) when it cannot. */
  request<M extends RpcMethod>(
    method: M,
    params: RpcParams<M>,
    options: { timeoutMs?: number } = {},
  ): Promise<RpcResult<M>> {
    if (!this.#requests) return Promise.reject(offline(method));
    return this.#requests.request(method, params, options);
  }

  /**
   * Check the log against the cloud's copy and restore what it lost, once per start (again on each
   * connection until the cloud has answered). A restore restarts the outbox from its cursor, which
   * the restore moved past the restored events; a conflict stops it.
   */
  checkCloudLog(): Promise<RestoreOutcome | undefined> {
    const done = this.#restore?.kind;
    if (!this.#c.restore || !this.#requests || done === 'in-step' || done === 'restored' || done === 'conflict')
      return Promise.resolve(this.#restore);
    this.#checking ??= this.#cloudRestore()
      .run()
      .then((outcome) => {
        this.#restore = outcome;
        if (outcome.kind === 'restored') {
          this.#publishState(true);
        } else if (outcome.kind === 'conflict') {
          this.#outbox?.stop();
          this.#log.error(outcome, "the store's log and the cloud's copy differ: events are no longer sent");
        } else {
          // The cloud could not tell (or its answer was refused): ask again later, or on the next connection.
          clearTimeout(this.#recheck);
          this.#recheck = setTimeout(() => void this.checkCloudLog(), CLOUD_LOG_RECHECK_MS);
          this.#recheck.unref();
        }
        return outcome;
      })
      .finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  /** The outcome of the last check against the cloud's copy of the log (undefined before one). */
  get cloudLog(): RestoreOutcome | undefined {
    return this.#restore;
  }

  #cloudRestore(): CloudRestore {
    const restore = this.#c.restore!;
    const cursors = this.#c.cursors;
    return new CloudRestore({
      storeId: this.#c.settings.store.id,
      page: (afterSeq, limit) => this.request('events.since', { afterSeq, limit }),
      checkedThrough: () => cursors.seq(VERIFIED_CURSOR) || cursors.seq(RELAY_CURSOR),
      writer: restore.writer,
      cursors,
      // Restored events are neither sent to the cloud again nor printed.
      restoredCursors: [RELAY_CURSOR, PRINT_JOBS_CURSOR],
      // Stopped before the write, the outbox starts again from its cursor, past the restored events.
      around: (write) => {
        const outbox = this.#outbox;
        outbox?.stop();
        try {
          write();
        } finally {
          outbox?.start();
        }
      },
      health: restore.health,
      log: this.#log,
    });
  }

  status(): RelayStatus {
    const connected = this.#connection?.connected ?? false;
    return {
      enabled: this.enabled,
      connected,
      broker: redact(this.#url),
      state: this.#state(connected),
      ...(this.#restore ? { cloudLog: this.#restore } : {}),
    };
  }

  #state(online: boolean): RelayState {
    const headSeq = this.#c.events.lastSeq;
    const relayedSeq = Math.min(headSeq, this.#outbox?.acknowledged ?? this.#c.cursors.seq(RELAY_CURSOR));
    return relayStateSchema.parse({
      online,
      version: this.#c.version,
      headSeq,
      relayedSeq,
      backlog: headSeq - relayedSeq,
      config: this.#config.active(),
      at: new Date((this.#c.now ?? Date.now)()).toISOString(),
    });
  }

  /** Publish the retained state when connected and (unless `force`) when it changed. */
  #publishState(force: boolean): void {
    if (!this.#connection?.connected) return;
    const state = this.#state(true);
    const key = `${state.headSeq}/${state.relayedSeq}/${JSON.stringify(state.config)}`;
    if (!force && key === this.#lastState) return;
    this.#lastState = key;
    // Once the log agrees with the cloud's copy, what the broker acknowledges since agrees too.
    const agreed = this.#restore?.kind;
    if (agreed === 'in-step' || agreed === 'restored') this.#c.cursors.advance(VERIFIED_CURSOR, state.relayedSeq);
    this.#send('state', state);
  }

  #send<T extends 'state' | 'orders/out' | 'config/ack' | 'rpc/req'>(
    name: T,
    payload: Parameters<RelayConnection['publish']>[1],
  ): void {
    this.#connection?.publish(name, payload as never).catch((err: unknown) => {
      this.#log.warn({ err, topic: name }, 'relay could not publish');
    });
  }

  /** The cloud lacks some events (`events/resend`): published again from the log; the cursor stays. */
  #resend(payload: Buffer): void {
    let request: EventsResend;
    try {
      request = readInbound('events/resend', payload);
    } catch (err) {
      this.#log.warn({ reason: (err as Error).message }, 'relay ignored a resend request it cannot read');
      return;
    }
    this.#log.info({ fromSeq: request.fromSeq, toSeq: request.toSeq }, 'the cloud asked for events again');
    // Not awaited: the PUBACKs of what it publishes are read after this message's handler returns.
    void this.#outbox?.resend(request.fromSeq, request.toSeq);
  }

  async #receive(name: InboundTopic, payload: Buffer): Promise<void> {
    switch (name) {
      case 'orders/in':
        await this.#inbound?.handle(payload);
        return;
      case 'rpc/res':
        this.#requests?.handle(payload);
        return;
      case 'events/resend':
        this.#resend(payload);
        return;
      default:
        this.#config.handle(kindOf(name), payload);
    }
  }
}

function kindOf(name: `config/${ConfigKind}`): ConfigKind {
  return name.slice('config/'.length) as ConfigKind;
}

/** A broker URL without its credentials, for screens and logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '';
  }
}
