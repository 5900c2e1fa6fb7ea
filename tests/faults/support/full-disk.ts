/**
 * A disk that fills up under the edge, and is freed again. A real one when this machine lets the
 * suite mount a small tmpfs (root, or CAP_SYS_ADMIN): the data folder lives on it, a ballast file
 * takes all but a sliver of the space, and deleting the ballast frees it. Otherwise the fault
 * shim (fault-shim.c) plays the full disk: while a flag file exists, writes that would grow the
 * database or its WAL fail with ENOSPC, as the kernel's would.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync, ftruncateSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { compileShim, shimEnv } from './fault-shim.js';

export interface FullDisk {
  kind: 'tmpfs' | 'shim';
  dataDir: string;
  /** Environment for the edge process (the shim, when it plays the disk). */
  env: Record<string, string>;
  /** Fill the disk, leaving about `headroomBytes` free (tmpfs) or none for growth (shim). */
  fill(headroomBytes?: number): void;
  /** Free the space again. */
  free(): void;
  /** Unmount and remove everything. */
  dispose(): void;
}

function tryMount(dir: string, sizeMb: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export function fullDisk(root: string, options: { force?: 'shim' } = {}): FullDisk {
  const mountPoint = join(root, 'disk');
  mkdirSync(mountPoint, { recursive: true });
  const dataDir = join(mountPoint, 'data');
  // TILLBOX_FAULTS_DISK=shim skips the tmpfs (to try the fallback where mounting works).
  const shim = options.force === 'shim' || process.env.TILLBOX_FAULTS_DISK === 'shim';
  if (!shim && tryMount(mountPoint, 32)) {
    mkdirSync(dataDir);
    const ballast = join(mountPoint, 'ballast');
    return {
      kind: 'tmpfs',
      dataDir,
      env: {},
      fill: (headroomBytes = 192 * 1024) => {
        // Write zeros until the disk refuses, then give back the headroom.
        const fd = openSync(ballast, 'w');
        const chunk = Buffer.alloc(1024 * 1024);
        try {
          for (;;) writeSync(fd, chunk);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        }
        try {
          // Byte by byte down to the last page that fitted.
          const small = Buffer.alloc(4096);
          for (;;) writeSync(fd, small);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        }
        ftruncateSync(fd, Math.max(0, fstatSync(fd).size - headroomBytes));
        closeSync(fd);
      },
      free: () => rmSync(ballast, { force: true }),
      dispose: () => {
        try {
          execFileSync('umount', [mountPoint], { stdio: 'pipe' });
        } catch {
          // not mounted any more
        }
        rmSync(root, { recursive: true, force: true });
      },
    };
  }
  mkdirSync(dataDir);
  const library = compileShim(root);
  const flag = join(root, 'disk-full');
  return {
    kind: 'shim',
    dataDir,
    env: shimEnv(library, dataDir, { fullFlag: flag }),
    fill: () => writeFileSync(flag, ''),
    free: () => rmSync(flag, { force: true }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
