/**
 * Findings 4 and 5 of issue 8, on real files: the data folder's marker knows the folder was
 * initialised (a missing or empty database refuses to start) and keeps the last committed seq (a
 * log head below it is a missing range, reported until the events are back).
 */
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_CONTEXT } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../events/event-log.js';
import { tempDir } from '../testing/test-edge.js';
import { openDatabase, type OpenDatabase } from './database.js';
import { MARKER_FILE, readMarker } from './store-marker.js';
import { cleanupAfterEach } from '../testing/cleanups.js';

describe('the data folder marker', () => {
  const cleanup = cleanupAfterEach();

  function folder(): string {
    const t = tempDir();
    cleanup(t.remove);
    return t.dir;
  }

  function open(dir: string): { database: OpenDatabase; log: EventLog } {
    const database = openDatabase(dir, { storeId: 'store-7', now: () => Date.parse('2026-03-01T09:00:00Z') });
    cleanup(() => database.sqlite.open && database.close());
    const log = new EventLog(database.db);
    log.start();
    return { database, log };
  }

  function commit(log: EventLog, n: number): void {
    for (let i = 0; i < n; i += 1) {
      log.transact(SYSTEM_CONTEXT, (_tx, append) =>
        append({ type: 'order.picked-up', subject: `o${i}`, data: { orderId: `o${i}` } }),
      );
    }
  }

  const markerSeq = (dir: string): number | undefined => readMarker(dir)?.content?.lastSeq;

  it('is written when a new folder is initialised and follows every commit', () => {
    const dir = folder();
    const { database, log } = open(dir);
    expect(database.boot.marker).toBe('created');
    expect(readMarker(dir)?.content).toEqual({
      lastSeq: 0,
      format: 1,
      storeId: 'store-7',
      createdAt: '2026-03-01T09:00:00.000Z',
      missing: [],
    });
    commit(log, 3);
    expect(markerSeq(dir)).toBe(3);
    commit(log, 1);
    expect(markerSeq(dir)).toBe(4);
    // Still JSON a person can read.
    expect(JSON.parse(readFileSync(join(dir, MARKER_FILE), 'utf8'))).toMatchObject({ lastSeq: 4, storeId: 'store-7' });
  });

  it('adopts a store from before markers with its head', () => {
    const dir = folder();
    const first = open(dir);
    commit(first.log, 5);
    first.database.close();
    rmSync(join(dir, MARKER_FILE));
    const { database } = open(dir);
    expect(database.boot.marker).toBe('adopted');
    expect(markerSeq(dir)).toBe(5);
    expect(database.health.ok).toBe(true);
  });

  it.each([
    ['missing', (path: string) => rmSync(path), /tillbox\.sqlite is missing/],
    ['empty', (path: string) => truncateSync(path, 0), /tillbox\.sqlite is empty \(0 bytes\)/],
  ])('refuses a %s database in an initialised folder, saying how to restore', (_what, damage, said) => {
    const dir = folder();
    const first = open(dir);
    commit(first.log, 12);
    first.database.close();
    const path = join(dir, 'tillbox.sqlite');
    damage(path);
    const wasThere = existsSync(path);
    expect(() => open(dir)).toThrow(said);
    try {
      open(dir);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('initialised on 2026-03-01T09:00:00.000Z for store store-7 and had 12 events');
      expect(message).toContain('copy the last backup of tillbox.sqlite');
      expect(message).toContain(`move ${MARKER_FILE} out of ${dir}`);
    }
    // Nothing was created in its place.
    expect(existsSync(path)).toBe(wasThere);
    if (wasThere) expect(readFileSync(path).length).toBe(0);

    // Moving the marker away starts an empty store on purpose.
    rmSync(join(dir, MARKER_FILE));
    if (wasThere) rmSync(path);
    const { database } = open(dir);
    expect(database.boot.marker).toBe('created');
  });

  it('reports events missing below the marker, numbers new events after them, and keeps reporting them', () => {
    const dir = folder();
    const first = open(dir);
    commit(first.log, 10);
    first.database.close();
    // The end of the log is lost, as when SQLite drops a damaged tail of the write-ahead log.
    const raw = openDatabase(dir);
    raw.sqlite.prepare('DELETE FROM events WHERE seq > 6').run();
    raw.sqlite.prepare("UPDATE sqlite_sequence SET seq = 6 WHERE name = 'events'").run();
    raw.close();
    expect(markerSeq(dir)).toBe(10);

    const second = open(dir);
    expect(second.database.boot.found).toMatchObject({ from: 7, to: 10 });
    expect(second.database.health.problems).toEqual([
      expect.objectContaining({
        kind: 'missing-events',
        message: expect.stringMatching(/^Events seq 7–10 are missing/),
      }),
    ]);
    // The next event does not reuse a seq that screens or the cloud have already seen.
    commit(second.log, 1);
    expect(second.log.lastSeq).toBe(11);
    expect(markerSeq(dir)).toBe(11);
    second.database.close();

    const third = open(dir);
    expect(third.database.boot.found).toBeUndefined();
    expect(third.database.health.problems.map((p) => p.key)).toEqual(['missing-events:7-10']);
  });

  it('rewrites a damaged marker from a healthy database', () => {
    const dir = folder();
    const first = open(dir);
    commit(first.log, 2);
    first.database.close();
    writeFileSync(join(dir, MARKER_FILE), '{"lastSeq": 2, garbage');
    const { database } = open(dir);
    expect(database.boot.marker).toBe('adopted');
    expect(markerSeq(dir)).toBe(2);
  });
});
