/**
 * CPU time of a child process (Linux `/proc/<pid>/stat`: user + system), for the relay bench's
 * CPU-seconds per run — on a machine shared with other work, a steadier figure than a rate.
 * `BENCH_RELAY_PROFILE=<dir>` also has the measured processes write V8 CPU profiles there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far (NaN when it cannot be read). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Node options that write a CPU profile per process into `BENCH_RELAY_PROFILE/<name>`, when it is set. */
export function profileArgs(name: string): string[] {
  const dir = process.env.BENCH_RELAY_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, name)}`] : [];
}

/** The whole machine's CPU time so far, busy and in all, in seconds of one core (`/proc/stat`). */
export function machineCpu(): { busy: number; total: number } {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + (steal ?? 0);
    return { busy: busy / TICKS_PER_SECOND, total: (busy + idle! + iowait!) / TICKS_PER_SECOND };
  } catch {
    return { busy: NaN, total: NaN };
  }
}
