/**
 * The event log. A command appends events inside its own transaction through {@link EventLog.transact};
 * subscribers hear them only after the commit, so nothing is announced that could roll back.
 * Every event is checked against the core's event catalogue (a payload the core's decide functions
 * built, by its type: their property tests check those payloads) and carries the actor and device
 * of the command that made it. Commits and storage failures are told to the store's storage health
 * (which keeps the data folder's marker up to date); a damaged row is skipped when read, and reported.
 */
import {
  actorSchema,
  topicOf,
  uuidv7,
  checkEventForLog,
  type Actor,
  type CommandContext,
  type DomainEvent,
  type StoreEvent,
} from '@tillbox/core';
import type { Database, Statement } from 'better-sqlite3';
import { and, asc, getTableColumns, getTableName, gt, inArray, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { placeholders, rawStatement } from '../db/prepared-writes.js';
import { events } from '../db/schema.js';
import { isJsonObject, readStoredJson, storageHealthOf, type StorageHealth } from '../db/storage-health.js';

/** An event to append: a type of the catalogue with its payload, what it is about, and when (ms; now by default). */
export type NewEvent = DomainEvent & { subject: string; at?: number };

/** Work done for an event inside the transaction that appends it. */
export type AppendHook = (tx: Tx, event: StoreEvent) => void;

export type EventListener = (committed: readonly StoreEvent[]) => void;

export interface Append {
  /**
   * Append an event to this transaction; it gets its seq now and is published after commit.
   * Throws (rolling the transaction back) when the catalogue does not know the type or the
   * payload does not match.
   */
  (event: NewEvent): StoreEvent;
}

/** A page of the log: the events read, how many rows were read (damaged ones included) and the last row's seq. */
export interface LogPage {
  events: StoreEvent[];
  rows: number;
  lastRowSeq: number | undefined;
}

/**
 * A logged event as JSON text built by SQLite around its stored data and actor (never parsed and
 * serialised again), with what a forwarding consumer looks at, and some top-level fields of its
 * data read out by SQLite.
 */
export interface StoredEventText {
  seq: number;
  type: string;
  subject: string;
  /** When it happened, ms since the epoch (its ISO text is in {@link json}). */
  atMs: number;
  /**
   * The event as a JSON object: the caller's `open` text, then its members `seq, id, type,
   * version, subject, at, actor, device, data` — the text `JSON.stringify` gives for them in that
   * order — and `}`.
   */
  json: string;
  fields: Record<string, unknown>;
}

/** A page of the log as text (see {@link EventLog.readTextPage}). */
export interface TextLogPage {
  events: StoredEventText[];
  rows: number;
  lastRowSeq: number | undefined;
}

/** Distinct actors' stored texts remembered as checked by the actor schema. */
const KNOWN_ACTORS = 512;

/** Every column, the JSON ones as their stored text (parsed row by row, so one damaged row is only that row). */
const RAW_COLUMNS = {
  ...getTableColumns(events),
  data: sql<unknown>`${events.data}`,
  actor: sql<unknown>`${events.actor}`,
};

interface QueuedCommand {
  cmd: CommandContext;
  work: (tx: Tx, append: Append) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * The one insert every event goes through, prepared once on the log's connection (a command
 * appends through it inside its own transaction); its values are encoded for the driver by the
 * caller (the data and the actor as JSON text).
 */
function prepareInsert(db: Db) {
  const columns = ['id', 'type', 'topic', 'subject', 'data', 'at', 'version', 'actor', 'device'];
  return rawStatement<{ seq: number }>(
    db,
    db
      .insert(events)
      .values(placeholders(columns) as never)
      .returning({ seq: events.seq }),
  );
}

/**
 * The log's transactions and savepoints on its one connection, as prepared statements, and one
 * drizzle transaction handle, made once, that every command's work is given: its queries run on
 * the same connection, inside whatever transaction is open on it. Drizzle made a new handle for
 * every transaction and every savepoint (a query builder for each table of the schema) and
 * prepared its savepoint statements each time: ~30 KB of garbage and ~0.1 ms of an order's path.
 */
class LogTransactions {
  readonly #c: Database;
  readonly #begin: Statement;
  readonly #commit: Statement;
  readonly #rollback: Statement;
  readonly #savepoint: Statement;
  readonly #release: Statement;
  readonly #rollbackTo: Statement;
  readonly #tx: Tx;

  constructor(db: Db) {
    const c = (this.#c = db.$client);
    this.#begin = c.prepare('BEGIN');
    this.#commit = c.prepare('COMMIT');
    this.#rollback = c.prepare('ROLLBACK');
    this.#savepoint = c.prepare('SAVEPOINT command');
    this.#release = c.prepare('RELEASE command');
    this.#rollbackTo = c.prepare('ROLLBACK TO command');
    let handle: Tx | undefined;
    db.transaction((tx) => {
      handle = tx; // an empty transaction: nothing is written
    });
    if (!handle) throw new Error('drizzle gave no transaction handle');
    this.#tx = handle;
  }

  /** Whether a transaction is open (SQLite rolls one back by itself on some errors, e.g. a full disk). */
  get open(): boolean {
    return this.#c.inTransaction;
  }

  /**
   * `work` in a transaction: committed when it returns, rolled back when it (or the commit)
   * throws. Inside a transaction already open on the connection, a savepoint of it.
   */
  run<T>(work: (tx: Tx) => T): T {
    if (this.#c.inTransaction) return this.savepoint(work);
    this.#begin.run();
    try {
      const result = work(this.#tx);
      this.#commit.run();
      return result;
    } catch (error) {
      if (this.#c.inTransaction) this.#rollback.run();
      throw error;
    }
  }

  /** `work` in a savepoint of the open transaction: undone alone when it throws. */
  savepoint<T>(work: (tx: Tx) => T): T {
    this.#savepoint.run();
    try {
      const result = work(this.#tx);
      this.#release.run();
      return result;
    } catch (error) {
      if (this.#c.inTransaction) {
        this.#rollbackTo.run();
        this.#release.run();
      }
      throw error;
    }
  }
}

export class EventLog {
  private readonly listeners = new Set<EventListener>();
  private readonly appendHooks: AppendHook[] = [];
  private head = 0;
  private queue: QueuedCommand[] = [];
  private flushScheduled = false;
  private readonly health: StorageHealth;
  private insertEvent: ReturnType<typeof prepareInsert> | undefined;
  private transactions: LogTransactions | undefined;

  constructor(
    private readonly db: Db,
    private readonly onListenerError: (err: unknown) => void = () => {},
  ) {
    this.health = storageHealthOf(db);
  }

  start(): void {
    const row = this.db
      .select({ head: max(events.seq) })
      .from(events)
      .get();
    this.head = row?.head ?? 0;
  }

  stop(): void {
    this.listeners.clear();
  }

  /** The highest committed seq. */
  get lastSeq(): number {
    return this.head;
  }

  /**
   * Run `work` for the command `cmd` in one synchronous transaction. Events it appends carry
   * the command's actor and device, are written in the same transaction and, once it has
   * committed, handed to the subscribers in seq order.
   */
  transact<T>(cmd: CommandContext, work: (tx: Tx, append: Append) => T): T {
    const appended: StoreEvent[] = [];
    let result: T;
    try {
      result = this.tx.run((tx) => work(tx, this.appender(tx, cmd, appended)));
    } catch (error) {
      throw this.health.failed(error);
    }
    this.health.committed(appended[appended.length - 1]?.seq);
    this.publish(appended);
    return result;
  }

  /**
   * Run `work` in a shared transaction with the other commands queued in this turn of the
   * event loop (group commit): one fsync for the lot, yet each command is its own savepoint,
   * so one that fails rolls back alone. Resolves only after the commit.
   */
  enqueue<T>(cmd: CommandContext, work: (tx: Tx, append: Append) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ cmd, work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const appended: StoreEvent[] = [];
    const t = this.tx;
    try {
      t.run(() => {
        for (const job of batch) {
          const mine: StoreEvent[] = [];
          try {
            const value = t.savepoint((sp) => job.work(sp, this.appender(sp, job.cmd, mine)));
            appended.push(...mine);
            outcomes.push({ ok: true, value });
          } catch (error) {
            // SQLite rolled the whole transaction back (a full disk, an I/O error): every command
            // before this one is undone too, so the batch fails as one.
            if (!t.open) throw error;
            outcomes.push({ ok: false, error: this.health.failed(error) });
          }
        }
      });
    } catch (error) {
      const failure = this.health.failed(error);
      for (const job of batch) job.reject(failure);
      return;
    }
    this.health.committed(appended[appended.length - 1]?.seq);
    this.publish(appended);
    batch.forEach((job, i) => {
      const o = outcomes[i];
      if (o?.ok) job.resolve(o.value);
      else job.reject(o?.error);
    });
  }

  private get tx(): LogTransactions {
    this.transactions ??= new LogTransactions(this.db);
    return this.transactions;
  }

  private appender(tx: Tx, cmd: CommandContext, into: StoreEvent[]): Append {
    const actor = actorSchema.parse(cmd.actor);
    const actorText = events.actor.mapToDriverValue(actor);
    // Prepared on the log's one connection, which `tx` runs on: the row is written in `tx`.
    const insert = (this.insertEvent ??= prepareInsert(this.db));
    return (e) => {
      const { version } = checkEventForLog(e.type, e.data);
      const at = e.at ?? Date.now();
      const id = uuidv7(at);
      const row = insert.get({
        id,
        type: e.type,
        topic: topicOf(e.type),
        subject: e.subject,
        data: events.data.mapToDriverValue(e.data),
        at,
        version,
        actor: actorText,
        device: cmd.device ?? null,
      });
      if (!row) throw new Error('the event insert returned no seq');
      const stored: StoreEvent = {
        seq: row.seq,
        id,
        type: e.type,
        version,
        subject: e.subject,
        actor,
        device: cmd.device,
        data: e.data,
        at: new Date(at).toISOString(),
      };
      for (const hook of this.appendHooks) hook(tx, stored);
      into.push(stored);
      return stored;
    };
  }

  /**
   * Run `hook` for every event as it is appended, inside its transaction (the audit log records
   * voids, refunds and approved overrides this way, so the row commits or rolls back with them).
   */
  onAppend(hook: AppendHook): void {
    this.appendHooks.push(hook);
  }

  /**
   * Hand committed events written by other means (restored from the cloud's copy of the log, in
   * seq order) to the subscribers, as a commit hands over its own.
   */
  announce(committed: readonly StoreEvent[]): void {
    const head = this.head;
    this.publish([...committed]);
    // Restored into a range the log had lost, below events made since: the head stays where it is.
    this.head = Math.max(head, this.head);
  }

  private publish(appended: StoreEvent[]): void {
    const last = appended[appended.length - 1];
    if (last) {
      this.head = last.seq;
      for (const listener of this.listeners) {
        try {
          listener(appended);
        } catch (err) {
          this.onListenerError(err);
        }
      }
    }
  }

  /** Events after `since`, optionally only of some topics, oldest first, at most `limit`. */
  readSince(since: number, options: { topics?: readonly string[]; limit?: number } = {}): StoreEvent[] {
    return this.readPage(since, options).events;
  }

  /**
   * Like {@link readSince}, saying how far it read: `rows` counts damaged rows too (skipped,
   * reported as `degraded` and logged with their seq), so a page with fewer events than `limit`
   * is not mistaken for the end of the log.
   */
  readPage(since: number, options: { topics?: readonly string[]; limit?: number } = {}): LogPage {
    const where = options.topics
      ? and(gt(events.seq, since), inArray(events.topic, [...options.topics]))
      : gt(events.seq, since);
    const rows = this.db
      .select(RAW_COLUMNS)
      .from(events)
      .where(where)
      .orderBy(asc(events.seq))
      .limit(options.limit ?? 1000)
      .all();
    const out: StoreEvent[] = [];
    for (const r of rows) {
      const event = this.decode(r);
      if (event) out.push(event);
    }
    return { events: out, rows: rows.length, lastRowSeq: rows[rows.length - 1]?.seq };
  }

  /**
   * Like {@link readPage}, each event as JSON text built by SQLite around its stored data and
   * actor (see {@link StoredEventText.json}; `open` defaults to `{`): for a consumer that forwards
   * events as JSON (the MQTT outbox's payloads). SQLite checks each row (text columns, the JSON
   * well formed, data and actor objects, a time within the years 1970–9999); a row it finds wrong,
   * or whose actor the actor schema refuses (checked once per distinct text), is read again by
   * {@link readPage} (reported and skipped when damaged). `fields`: top-level fields of the data
   * that SQLite reads out for each event (`json_extract`). The statement is prepared once per list
   * of fields and returns its rows as arrays: a drain reads thousands a second.
   */
  readTextPage(
    since: number,
    options: { limit?: number; fields?: readonly string[]; open?: string } = {},
  ): TextLogPage {
    const fields = options.fields ?? [];
    const open = options.open ?? '{';
    const rows = this.textPageStatement(fields).all(open, since, options.limit ?? 1000) as unknown[][];
    const out: StoredEventText[] = [];
    for (const r of rows) {
      const [seq, type, subject, at, actor, json] = r as [number, string, string, number, string, string | null];
      if (json !== null && this.knownActor(actor)) {
        const values: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) values[fields[i]!] = r[TEXT_COLUMNS + i];
        out.push({ seq, type, subject, atMs: at, json, fields: values });
        continue;
      }
      // A row SQLite found wrong, or an actor the schema refuses: read as readPage reads it.
      const event = this.readPage(seq - 1, { limit: 1 }).events[0];
      if (event?.seq !== seq) continue;
      const values: Record<string, unknown> = {};
      for (const f of fields) values[f] = (event.data as Record<string, unknown>)[f];
      const { id, version, actor: parsedActor, device, data } = event;
      const members = { seq, id, type: event.type, version, subject: event.subject, at: event.at };
      const text = JSON.stringify({ ...members, actor: parsedActor, device, data });
      out.push({
        seq,
        type: event.type,
        subject: event.subject,
        atMs: Date.parse(event.at),
        json: open + text.slice(1),
        fields: values,
      });
    }
    const last = rows[rows.length - 1];
    return { events: out, rows: rows.length, lastRowSeq: last ? (last[0] as number) : undefined };
  }

  private readonly textPageStatements = new Map<string, Statement>();

  /** {@link readTextPage}'s statement for these data fields (parameters in order: open, since, limit), rows as arrays. */
  private textPageStatement(fields: readonly string[]): Statement {
    const key = fields.join(',');
    const known = this.textPageStatements.get(key);
    if (known) return known;
    for (const f of fields) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(f)) throw new Error(`not a data field name: ${f}`);
    const extracted = fields.map((f, i) => `, case when ok then json_extract(data, '$.${f}') end as f${i}`).join('');
    // The members as JSON.stringify writes them: json_quote escapes text as it does, and
    // strftime(…%fZ) writes a time within 1970–9999 as toISOString does.
    const json = `? || '"seq":' || seq || ',"id":' || json_quote(id) || ',"type":' || json_quote(type)
      || ',"version":' || version || ',"subject":' || json_quote(subject)
      || ',"at":"' || strftime('%Y-%m-%dT%H:%M:%fZ', at / 1000.0, 'unixepoch') || '","actor":' || actor
      || ',"device":' || coalesce(json_quote(device), 'null') || ',"data":' || data || '}'`;
    // drizzle's handle carries its better-sqlite3 connection as `$client`.
    const client = (this.db as Db & { $client: Database }).$client;
    // The columns in TEXT_COLUMNS' order, then the fields.
    const statement = client
      .prepare(
        `select seq, type, subject, at, actor, case when ok then ${json} end as json${extracted} from (
        select seq, id, type, version, subject, at, device, data, actor,
          case when typeof(data) = 'text' and typeof(actor) = 'text' and json_valid(data) and json_valid(actor)
            and typeof(id) = 'text' and typeof(type) = 'text' and typeof(subject) = 'text'
            and typeof(version) = 'integer' and typeof(at) = 'integer' and at between 0 and ${LAST_MS_OF_9999}
            and (device is null or typeof(device) = 'text')
            then substr(data, 1, 1) = '{' and substr(actor, 1, 1) = '{' else 0 end as ok
        from "${getTableName(events)}" where seq > ? order by seq limit ?)`,
      )
      .raw(true);
    this.textPageStatements.set(key, statement);
    return statement;
  }

  private readonly knownActors = new Set<string>();

  /** Whether an actor's stored text is one the actor schema takes (remembered per distinct text). */
  private knownActor(text: string): boolean {
    if (this.knownActors.has(text)) return true;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    if (!isActor(value)) return false;
    if (this.knownActors.size >= KNOWN_ACTORS) this.knownActors.clear();
    this.knownActors.add(text);
    return true;
  }

  /** A stored row as an event, or undefined (reported) when a value of it cannot be read. */
  private decode(r: { [K in keyof typeof RAW_COLUMNS]: unknown }): StoreEvent | undefined {
    const seq = r.seq as number;
    const where = (column: string) => ({ table: 'events', keyName: 'seq', key: seq, column });
    const data = readStoredJson(this.health, where('data'), r.data, { valid: isJsonObject });
    if (data === undefined) return undefined;
    const actor = readStoredJson(this.health, where('actor'), r.actor, { valid: isActor }) as Actor | undefined;
    if (actor === undefined) return undefined;
    const at = typeof r.at === 'number' ? new Date(r.at) : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      this.health.damagedRow(where('at'), `not a time: ${String(r.at)}`);
      return undefined;
    }
    for (const column of ['id', 'type', 'subject'] as const) {
      if (typeof r[column] !== 'string') {
        this.health.damagedRow(where(column), `not text: ${String(r[column])}`);
        return undefined;
      }
    }
    return {
      seq,
      id: r.id as string,
      type: r.type as string,
      version: r.version as number,
      subject: r.subject as string,
      actor,
      device: typeof r.device === 'string' ? r.device : null,
      data: data as Record<string, unknown>,
      at: at.toISOString(),
    };
  }

  /** Hear every committed batch of events. Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const isActor = (value: unknown): boolean => actorSchema.safeParse(value).success;

/** The columns of {@link EventLog.readTextPage}'s rows before the data fields. */
const TEXT_COLUMNS = 6;
/** 9999-12-31T23:59:59.999Z: past it `toISOString` writes six-digit years. */
const LAST_MS_OF_9999 = 253_402_300_799_999;
