/**
 * Writes through statements prepared once on the store's one SQLite connection, for the tables
 * a command writes on every order (building and preparing a drizzle query each time cost more
 * than running it). They run inside whatever transaction is open on the connection, so a
 * command's writes still commit or roll back with it.
 *
 * Every column of the table is a parameter, so a column added to the schema is written without
 * touching these statements: a value left out is the column's default, else null. Values are
 * encoded by their column like any drizzle query (JSON, booleans); null stays SQL NULL.
 */
import { getTableColumns, is, Placeholder, SQL, sql, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './database.js';

type Row = Record<string, unknown>;

/** A value as the driver takes it for `column` (JSON as text, booleans as 0/1); null stays null. */
function encode(column: Column, value: unknown): unknown {
  return value === null ? null : column.mapToDriverValue(value);
}

/** Each column's value for a row: its own, else the column's (constant) default, else null. */
function parameters(columns: Record<string, Column>, row: Row): Row {
  const out: Row = {};
  for (const key in columns) {
    const column = columns[key] as Column;
    const value = row[key];
    out[key] = encode(column, value !== undefined ? value : columnDefault(column));
  }
  return out;
}

function columnDefault(column: Column): unknown {
  if (!column.hasDefault) return null;
  if (column.default === undefined || is(column.default, SQL)) {
    throw new Error(`column ${column.name} has a default the prepared insert cannot give: pass a value`);
  }
  return column.default;
}

/** `{column: ?}` for a query's values; the values are encoded by {@link encode}, not by drizzle. */
export const placeholders = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(k)}`]));

/** A statement run with values already encoded for the driver, found by their placeholders' names. */
export interface RawStatement<R = unknown> {
  run(values: Row): void;
  /** The first row it returns (`returning`), as SQLite gives it: columns by their SQL names. */
  get(values: Row): R | undefined;
}

/**
 * The query's SQL prepared on the connection itself, its parameters taken from the values by
 * placeholder name: drizzle's prepared query filled its placeholders and wrapped each call
 * (~3 % of the event loop at 800 orders/s, the values being encoded by their columns anyway).
 */
export function rawStatement<R = unknown>(
  db: Db,
  query: { toSQL(): { sql: string; params: unknown[] } },
): RawStatement<R> {
  const { sql: text, params } = query.toSQL();
  const names = params.map((p) => {
    if (!is(p, Placeholder)) throw new Error('a prepared write takes every value as a placeholder');
    return p.name;
  });
  const statement = db.$client.prepare<unknown[], R>(text);
  // A value left out would be bound as NULL (drizzle refused it): refused here too.
  const args = (values: Row) =>
    names.map((n) => {
      const value = values[n];
      if (value === undefined) throw new Error(`no value for ${n}`);
      return value;
    });
  return { run: (values) => void statement.run(args(values)), get: (values) => statement.get(args(values)) };
}

/** An insert of one row into `table`, prepared on first use. */
export function preparedInsert<T extends SQLiteTable>(db: Db, table: T): (row: T['$inferInsert']) => void {
  const columns = getTableColumns(table) as Record<string, Column>;
  let statement: RawStatement | undefined;
  return (row) => {
    statement ??= rawStatement(db, db.insert(table).values(placeholders(Object.keys(columns)) as never));
    statement.run(parameters(columns, row as Row));
  };
}

/**
 * `update table set … where key = ?`, one statement prepared per set of columns changed (a
 * command changes the same few columns each time), run with the columns' encoders.
 */
export function preparedUpdate<T extends SQLiteTable>(
  db: Db,
  table: T,
  key: keyof T['$inferSelect'] & string,
): (keyValue: unknown, set: Partial<T['$inferInsert']>) => void {
  const columns = getTableColumns(table) as Record<string, Column>;
  const keyColumn = columns[key];
  if (!keyColumn) throw new Error(`no column ${key}`);
  const statements = new Map<string, RawStatement>();
  return (keyValue, set) => {
    const keys = Object.keys(set).filter((k) => (set as Row)[k] !== undefined);
    for (const k of keys) if (!columns[k]) throw new Error(`no column ${k} in the table`);
    if (keys.length === 0) return;
    const signature = keys.join(',');
    let statement = statements.get(signature);
    if (!statement) {
      // The key's placeholder is named apart, so a changed column may have the key's name too.
      statement = rawStatement(
        db,
        db
          .update(table)
          .set(placeholders(keys) as never)
          .where(sql`${keyColumn} = ${sql.placeholder('$key')}`),
      );
      statements.set(signature, statement);
    }
    const values: Row = { $key: keyValue };
    for (const k of keys) values[k] = encode(columns[k] as Column, (set as Row)[k]);
    statement.run(values);
  };
}
