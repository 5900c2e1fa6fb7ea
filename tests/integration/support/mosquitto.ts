/**
 * Debian's Mosquitto with the chain's own broker configuration (deploy/cloud/mosquitto/:
 * mosquitto.conf and acl — TLS with client certificates, the per-store ACL, persistence) on a
 * free loopback port. Only the paths and the listener's port are put in place; everything else is
 * the file the compose deployment runs. It can go down and come back on the same port with its
 * persisted sessions and retained messages, as a restarted broker does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, REPO } from '../../support/edge-process.js';
import type { Certs } from './certs.js';
import { exited, runningAsRoot, stopWithThisProcess, systemUser, waitFor } from './guard.js';

const MOSQUITTO = process.env.TILLBOX_MOSQUITTO ?? '/usr/sbin/mosquitto';
const DEPLOYED = join(REPO, 'deploy/cloud/mosquitto');

/** The deployed mosquitto.conf with this run's folders and port (each replaced line must exist). */
export function brokerConfig(options: { certsDir: string; configDir: string; dataDir: string; port: number }): string {
  let text = readFileSync(join(DEPLOYED, 'mosquitto.conf'), 'utf8');
  const swaps: [string | RegExp, string][] = [
    ['/mosquitto/config/certs/', `${options.certsDir}/`],
    ['/mosquitto/config/acl', join(options.configDir, 'acl')],
    ['/mosquitto/data/', `${options.dataDir}/`],
    [/^listener 8883$/m, `listener ${options.port} 127.0.0.1`],
  ];
  for (const [from, to] of swaps) {
    const before = text;
    text = typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
    if (text === before) throw new Error(`deploy/cloud/mosquitto/mosquitto.conf no longer has ${String(from)}`);
  }
  return text;
}

export class Mosquitto {
  readonly port: number;
  #child: ChildProcess | undefined;
  #output = '';
  readonly #config: string;

  private constructor(
    readonly dir: string,
    readonly certs: Certs,
    port: number,
  ) {
    this.port = port;
    this.#config = join(dir, 'mosquitto.conf');
  }

  /** Set up the broker's folder in `dir` (its config, the ACL, persistence) and start it. */
  static async start(dir: string, certs: Certs): Promise<Mosquitto> {
    if (!existsSync(MOSQUITTO))
      throw new Error(`${MOSQUITTO} is missing: run \`bash tests/setup/ensure-mosquitto.sh\` (npm test does)`);
    const port = await freePort();
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(join(DEPLOYED, 'acl'), join(dir, 'acl'));
    writeFileSync(join(dir, 'mosquitto.conf'), brokerConfig({ certsDir: certs.dir, configDir: dir, dataDir, port }));
    const broker = new Mosquitto(dir, certs, port);
    await broker.start();
    return broker;
  }

  get url(): string {
    return `mqtts://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  output(): string {
    return this.#output;
  }

  /** (Again) on the same port, with what it persisted. */
  async start(): Promise<void> {
    if (this.#child) return;
    // As root, the broker runs as Debian's `mosquitto` user, which must read its files.
    const user = runningAsRoot() ? systemUser('mosquitto') : undefined;
    if (user) {
      for (const path of [this.dir, this.certs.dir]) chownTree(path, user.uid, user.gid);
    }
    const child = spawn(MOSQUITTO, ['-c', this.#config], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    this.#child = child;
    stopWithThisProcess(child);
    child.stdout?.on('data', (d: Buffer) => (this.#output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.#output += d.toString()));
    child.once('exit', () => {
      if (this.#child === child) this.#child = undefined;
    });
    await waitFor(`Mosquitto on port ${this.port}\n${this.#output}`, async () => {
      if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}:\n${this.#output}`);
      return listening(this.port);
    });
  }

  /** Down, cleanly (SIGTERM: sessions and retained messages are written to its persistence file). */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child);
    this.#child = undefined;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (!statSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}
