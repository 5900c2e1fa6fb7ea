/**
 * Child processes of the integration tests (Mosquitto, PostgreSQL, cloud relays, edges) stop by
 * themselves when the test process ends, however it ends: a small `sh` loop beside each one
 * signals it once the test process is gone (a SIGKILLed vitest leaves nothing running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

const GUARD = `while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
if kill -0 "$2" 2>/dev/null; then kill -s "$3" "$2" 2>/dev/null; sleep 10; kill -s KILL "$2" 2>/dev/null; fi`;

/** Signal `child` with `signal` (then SIGKILL 10 s later) when this process is gone. */
export function stopWithThisProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined) return;
  const guard = spawn('sh', ['-c', GUARD, 'tillbox-test-guard', String(process.pid), String(child.pid), signal], {
    detached: true,
    stdio: 'ignore',
  });
  guard.unref();
}

/** The user id and group id of a system user (`mosquitto`, `postgres`), when there is one. */
export function systemUser(name: string): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** As root, the services run as their own system user; otherwise as this user. */
export const runningAsRoot = (): boolean => process.getuid?.() === 0;

/** Polls until `check` returns a value (not undefined/false), or fails naming `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until)
      throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with the exit code once `child` has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
