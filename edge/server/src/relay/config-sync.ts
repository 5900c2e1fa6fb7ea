/**
 * Versioned configuration from the cloud (`config/{kind}`, retained): a version above the active
 * one of its kind is checked in full — its schema, then the whole menu and rules it would make
 * compiled by the commerce engine (every id a rule names exists, rates add up, this store is in the
 * rules) — and applied in one transaction, or refused with the reason. Either way the answer goes
 * on `config/ack`. The same version again (a retained message seen on reconnect) is answered
 * `active` and changes nothing; an older one is refused.
 *
 * Active versions are kept as `config.{kind}` rows of `log_cursors` (they only ever grow), written
 * in the transaction that stores the menu or rules. Stations live in the kitchen's settings, so a
 * stations version is applied in memory and is active until the edge restarts; the broker hands the
 * retained version over again on the next connect.
 */
import {
  applyConfig,
  completeRules,
  CONFIG_KINDS,
  isTillboxError,
  TillboxError,
  type ActiveConfig,
  type ConfigAck,
  type ConfigKind,
  type ConfigMessage,
  type KitchenConfig,
  type PricingRulesInput,
} from '@tillbox/core';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { CursorRepository } from '../events/cursor-repository.js';
import { readInbound } from './relay-connection.js';

export interface ConfigSyncOptions {
  storeId: string;
  catalog: CatalogService;
  /** The kitchen's live configuration (the stations the orders are routed by). */
  kitchen: KitchenConfig;
  versions: CursorRepository;
  ack: (ack: ConfigAck) => void;
  /** Called after a version became active. */
  changed: () => void;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  now?: () => number;
}

const versionKey = (kind: ConfigKind): string => `config.${kind}`;

export class ConfigSync {
  #stations = 0;

  constructor(private readonly o: ConfigSyncOptions) {}

  /** The active version of each kind (0: the store's own). */
  active(): ActiveConfig {
    const active: ActiveConfig = {};
    for (const kind of CONFIG_KINDS)
      active[kind] = kind === 'stations' ? this.#stations : this.o.versions.seq(versionKey(kind));
    return active;
  }

  handle(kind: ConfigKind, payload: Buffer): void {
    const at = new Date((this.o.now ?? Date.now)()).toISOString();
    let message: ConfigMessage;
    try {
      message = readInbound(`config/${kind}`, payload);
    } catch (err) {
      this.#refuse(kind, versionOf(payload), err, at);
      return;
    }
    const active = this.active()[kind] ?? 0;
    if (message.version === active) {
      this.o.ack({ kind, version: active, status: 'active', details: [], at });
      return;
    }
    if (message.version < active) {
      this.#refuse(
        kind,
        message.version,
        new TillboxError('conflict', `${kind} version ${message.version} is older than the active version ${active}`),
        at,
      );
      return;
    }
    try {
      this.#apply(message);
    } catch (err) {
      this.#refuse(kind, message.version, err, at);
      return;
    }
    this.o.log.info({ kind, version: message.version }, 'configuration from the cloud is active');
    this.o.ack({ kind, version: message.version, status: 'active', details: [], at });
    this.o.changed();
  }

  #apply(message: ConfigMessage): void {
    const record = (): void => this.o.versions.advance(versionKey(message.kind), message.version);
    // One way of applying a version, the cloud's too (@tillbox/core applyConfig).
    const next = applyConfig({ rules: this.o.catalog.rules }, message);
    switch (message.kind) {
      case 'catalog':
        this.o.catalog.activate({ catalog: next.catalog ?? message.document }, record);
        return;
      case 'stations': {
        const { stations, defaultStation } = message.document;
        // Synchronous: no order is routed between the two assignments.
        this.o.kitchen.stations.splice(0, this.o.kitchen.stations.length, ...stations);
        this.o.kitchen.defaultStation = defaultStation;
        this.#stations = message.version;
        return;
      }
      default:
        this.#activateRules(completeRules(next.rules) ?? this.o.catalog.rules, record);
    }
  }

  #activateRules(rules: PricingRulesInput, record: () => void): void {
    if (!rules.stores.some((s) => s.id === this.o.storeId))
      throw new TillboxError('validation', `the rules name no store "${this.o.storeId}" (this store)`, {
        details: [
          { path: 'stores', message: `add the store "${this.o.storeId}" with its time zone and tax jurisdiction` },
        ],
      });
    this.o.catalog.activate({ rules }, record);
  }

  #refuse(kind: ConfigKind, version: number, err: unknown, at: string): void {
    const known = isTillboxError(err);
    if (!known) this.o.log.warn({ err, kind, version }, 'applying configuration from the cloud failed');
    else this.o.log.warn({ kind, version, reason: err.message }, 'configuration from the cloud refused');
    this.o.ack({
      kind,
      version,
      status: 'refused',
      reason: known ? err.message.slice(0, 500) : 'the store could not apply it',
      details: known
        ? err.details.slice(0, 50).map((d) => ({
            ...(d.path !== undefined ? { path: d.path.slice(0, 200) } : {}),
            message: d.message.slice(0, 500),
          }))
        : [],
      at,
    });
  }
}

/** The version a message that could not be read claims, for the refusal (0 when none). */
function versionOf(payload: Buffer): number {
  if (payload.length > 16 * 1024 * 1024) return 0;
  try {
    const v = (JSON.parse(payload.toString('utf8')) as { version?: unknown } | null)?.version;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  } catch {
    return 0;
  }
}
