/**
 * Debian's PostgreSQL as a throwaway cluster: `initdb` into a fresh folder and `postgres` on a
 * free loopback port (no Unix socket), as the `postgres` user when the tests run as root. It
 * stops when the tests end (or when the test process dies). Each test file makes a database of
 * its own on it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from '../../support/edge-process.js';
import { exited, runningAsRoot, stopWithThisProcess, systemUser, waitFor } from './guard.js';

/** The newest installed server's programs (Debian puts each major version in its own folder). */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined)
    throw new Error('PostgreSQL is missing: run `bash tests/setup/ensure-postgres.sh` (npm test does)');
  return join(root, versions[0], 'bin');
}

const SUPERUSER = 'tillbox';

export class PostgresServer {
  #child: ChildProcess | undefined;
  #output = '';

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /**
   * A new cluster in `dir`, started. `durable: false` (tests) turns fsync off; the bench keeps
   * PostgreSQL's defaults so its commit times are real.
   */
  static async start(dir: string, options: { durable?: boolean } = {}): Promise<PostgresServer> {
    const bin = postgresBin();
    const user = runningAsRoot() ? systemUser('postgres') : undefined;
    if (runningAsRoot() && !user)
      throw new Error('running as root and there is no `postgres` user to run PostgreSQL as');
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true, mode: 0o700 });
    if (user) {
      chownSync(dir, user.uid, user.gid);
      chownSync(data, user.uid, user.gid);
    }
    const as = user ? { uid: user.uid, gid: user.gid } : {};
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'],
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...as },
    );
    const server = new PostgresServer(dir, await freePort());
    const settings = [
      ['listen_addresses', '127.0.0.1'],
      ['unix_socket_directories', ''],
      ['max_connections', '200'],
      ['shared_buffers', '64MB'],
      ...(options.durable
        ? []
        : [
            ['fsync', 'off'],
            ['synchronous_commit', 'off'],
            ['full_page_writes', 'off'],
          ]),
    ];
    const args = ['-D', data, '-p', String(server.port), ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const child = spawn(join(bin, 'postgres'), args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, ...as });
    server.#child = child;
    // SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
    stopWithThisProcess(child, 'SIGINT');
    child.stdout?.on('data', (d: Buffer) => (server.#output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (server.#output += d.toString()));
    await waitFor(`PostgreSQL on port ${server.port}`, async () => {
      if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${server.#output}`);
      const sql = postgres(server.url('postgres'), { max: 1, connect_timeout: 2, onnotice: () => undefined });
      try {
        await sql`select 1`;
        return true;
      } finally {
        await sql.end({ timeout: 1 });
      }
    });
    return server;
  }

  url(database: string): string {
    return `postgres://${SUPERUSER}@127.0.0.1:${this.port}/${database}`;
  }

  /** A new empty database; answers its URL. */
  async createDatabase(name: string): Promise<string> {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a database name for tests`);
    const sql = postgres(this.url('postgres'), { max: 1, onnotice: () => undefined });
    try {
      await sql.unsafe(`create database ${name}`);
    } finally {
      await sql.end();
    }
    return this.url(name);
  }

  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child) return;
    child.kill('SIGINT');
    await exited(child);
  }
}
