/**
 * The file-layer fault shim (fault-shim.c): compiled at run time with the system's C compiler
 * into a temp folder and loaded into an edge child process with LD_PRELOAD. It gives the suite
 * a power cut (writes that were not fsynced are undone after a SIGKILL) and a full disk (writes
 * that would grow the database or its WAL fail with ENOSPC) without root or a special disk.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('./fault-shim.c', import.meta.url));
const MAGIC = 0x54554350;
const HEADER = 8 + 24;

/** Build the shim into `dir`; throws with the compiler's words when there is no compiler. */
export function compileShim(dir: string): string {
  const out = join(dir, 'fault-shim.so');
  execFileSync(
    process.env.CC ?? 'cc',
    ['-shared', '-fPIC', '-O2', '-U_FORTIFY_SOURCE', '-Wall', '-o', out, SOURCE, '-ldl', '-lpthread'],
    { stdio: 'pipe' },
  );
  return out;
}

/** The environment that loads the shim into an edge whose data folder is `dataDir`. */
export function shimEnv(
  library: string,
  dataDir: string,
  options: { undoDir?: string; fullFlag?: string },
): Record<string, string> {
  return {
    LD_PRELOAD: library,
    TILLBOX_SHIM_DIR: resolve(dataDir),
    ...(options.undoDir ? { TILLBOX_SHIM_UNDO_DIR: options.undoDir } : {}),
    ...(options.fullFlag ? { TILLBOX_SHIM_FULL_FLAG: options.fullFlag } : {}),
  };
}

interface UndoRecord {
  offset: number;
  sizeBefore: number;
  old: Buffer;
}

function parseJournal(bytes: Buffer): UndoRecord[] {
  const records: UndoRecord[] = [];
  let at = 0;
  while (at + HEADER <= bytes.length) {
    if (bytes.readUInt32LE(at) !== MAGIC) throw new Error(`undo journal damaged at byte ${at}`);
    const offset = Number(bytes.readBigUInt64LE(at + 8));
    const length = Number(bytes.readBigUInt64LE(at + 16));
    const sizeBefore = Number(bytes.readBigUInt64LE(at + 24));
    if (at + HEADER + length > bytes.length) break; // cut short by the kill: its write never began
    records.push({ offset, sizeBefore, old: bytes.subarray(at + HEADER, at + HEADER + length) });
    at += HEADER + length;
  }
  return records;
}

/**
 * The power cut itself, once the process is dead: every write since each file's last fsync is
 * undone, newest first, and the journals are removed. Answers how many writes (and bytes) were
 * lost, per file.
 */
export function applyPowerCut(dataDir: string, undoDir: string): { file: string; writes: number; bytes: number }[] {
  const lost: { file: string; writes: number; bytes: number }[] = [];
  for (const name of readdirSync(undoDir).filter((f) => f.endsWith('.undo'))) {
    const journalPath = join(undoDir, name);
    const target = join(dataDir, name.slice(0, -'.undo'.length));
    const records = parseJournal(readFileSync(journalPath));
    rmSync(journalPath);
    if (records.length === 0 || !existsSync(target)) continue;
    const fd = openSync(target, 'r+');
    try {
      for (const r of [...records].reverse()) {
        if (r.old.length > 0) writeSync(fd, r.old, 0, r.old.length, r.offset);
        ftruncateSync(fd, r.sizeBefore);
      }
    } finally {
      closeSync(fd);
    }
    lost.push({
      file: name.slice(0, -'.undo'.length),
      writes: records.length,
      bytes: records.reduce((n, r) => n + r.old.length, 0),
    });
  }
  return lost;
}
