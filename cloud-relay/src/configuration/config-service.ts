/**
 * Publishing configuration to a store: a new version of a kind is checked with the core's
 * validators against what the store runs or will run (refused with the reason, and never
 * published, when it fails), recorded as `pending`, and published retained on the store's
 * `config/{kind}` topic. The store's answer on `config/ack` (and the active versions in its
 * `state`) makes it `active` or `refused` with the store's reason.
 */
import {
  CONFIG_KINDS,
  TillboxError,
  type ActiveConfig,
  type ConfigAck,
  type ConfigKind,
  type RelayPayloadInput,
  type RelayTopicName,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { ConfigRepository, ConfigRow } from './config-repository.js';
import { configProblems, type ConfigSet } from './store-config.js';

/** What publishes to a store (the MQTT link). */
export interface Publisher {
  publish<T extends RelayTopicName>(storeId: string, name: T, payload: RelayPayloadInput<T>): Promise<void>;
}

export interface ConfigVersionView {
  storeId: string;
  kind: ConfigKind;
  version: number;
  state: 'pending' | 'active' | 'refused';
  reason?: string;
  details?: { path?: string; message: string }[];
  publishedAt?: string;
}

export class ConfigService {
  constructor(
    private readonly ctx: {
      repository: ConfigRepository;
      publisher: Publisher;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.ctx.now ?? (() => new Date()))();
  }

  /**
   * Publish `document` as the next version of `kind` (or as `version`, which must be higher than
   * every earlier one). Throws `validation` with every problem when the core's checks refuse it
   * (recorded as refused), `conflict` for a version number already used, `unavailable` when the
   * broker cannot be reached (nothing recorded).
   */
  async publish(storeId: string, kind: ConfigKind, document: unknown, version?: number): Promise<ConfigVersionView> {
    const repo = this.ctx.repository;
    const last = await repo.lastVersion(storeId, kind);
    if (version !== undefined && version <= last)
      throw new TillboxError('conflict', `${kind} version ${version} of store "${storeId}" is not above ${last}`, {
        details: [{ path: 'version', message: `give a version above ${last}, or none for ${last + 1}` }],
      });
    const next = version ?? last + 1;
    const others = await this.set(storeId, ['active', 'pending']);
    delete others[kind];
    const now = this.now();
    const { problems, message } = configProblems(storeId, kind, next, document, others, now.toISOString());
    if (!message) {
      const reason = `${kind} version ${next} refused: ${problems
        .slice(0, 3)
        .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
        .join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}`;
      await repo.insert({
        storeId,
        kind,
        version: next,
        payload: document ?? null,
        state: 'refused',
        reason: reason.slice(0, 1000),
        details: problems.slice(0, 50),
        decidedAt: now,
      });
      throw new TillboxError('validation', reason, { details: problems.slice(0, 50) });
    }
    const added = await repo.insert({
      storeId,
      kind,
      version: next,
      payload: message.document,
      state: 'pending',
      publishedAt: now,
    });
    if (!added)
      throw new TillboxError('conflict', `${kind} version ${next} was published at the same time: publish again`);
    try {
      const topic = `config/${kind}` as const;
      await this.ctx.publisher.publish(storeId, topic, message as RelayPayloadInput<typeof topic>);
    } catch (err) {
      await repo.remove(storeId, kind, next);
      throw err;
    }
    this.ctx.log.info({ storeId, kind, version: next }, 'configuration published');
    return { storeId, kind, version: next, state: 'pending', publishedAt: now.toISOString() };
  }

  /** A store's answer to a version; acknowledged once recorded. */
  async receiveAck(storeId: string, a: ConfigAck): Promise<void> {
    const row = await this.ctx.repository.decide(storeId, a.kind, a.version, a.status, this.now(), a.reason, a.details);
    if (row && a.status === 'refused')
      this.ctx.log.warn(
        { storeId, kind: a.kind, version: a.version, reason: a.reason },
        'a store refused configuration',
      );
  }

  /** The versions a store's state says it runs become `active`. */
  async recordActive(storeId: string, active: ActiveConfig): Promise<void> {
    const now = this.now();
    for (const kind of CONFIG_KINDS) {
      const version = active[kind] ?? 0;
      if (version > 0) await this.ctx.repository.decide(storeId, kind, version, 'active', now);
    }
  }

  /** The documents of the newest version of each kind in one of `states`. */
  async set(storeId: string, states: readonly ('pending' | 'active')[]): Promise<ConfigSet> {
    const rows = await this.ctx.repository.newest(storeId, states);
    const set: Record<string, { version: number; document: unknown }> = {};
    for (const [kind, row] of rows) set[kind] = { version: row.version, document: row.payload };
    return set as ConfigSet;
  }

  /** Every version of a store, newest first. */
  async versions(storeId: string, limit = 200): Promise<ConfigVersionView[]> {
    const rows = await this.ctx.repository.list(storeId, limit);
    return rows.map(view);
  }
}

function view(r: Omit<ConfigRow, 'payload'>): ConfigVersionView {
  return {
    storeId: r.storeId,
    kind: r.kind as ConfigKind,
    version: r.version,
    state: r.state as ConfigVersionView['state'],
    ...(r.reason ? { reason: r.reason } : {}),
    ...(Array.isArray(r.details) && r.details.length > 0 ? { details: r.details as ConfigVersionView['details'] } : {}),
    ...(r.publishedAt ? { publishedAt: r.publishedAt.toISOString() } : {}),
  };
}
