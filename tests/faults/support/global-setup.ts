/**
 * The fault suite's global setup: a fresh folder for the scenarios' figures, printed as one
 * table when the suite ends (and kept in the folder as figures.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { figuresTable } from './figures.js';
import { PROFILE } from './profile.js';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tillbox-fault-figures-'));
  project.provide('faultFiguresDir', dir);
  return () => {
    const table = figuresTable(dir);
    writeFileSync(join(dir, 'figures.md'), table + '\n');
    process.stdout.write(`\nFault suite figures (${PROFILE} variant):\n\n${table}\n\n`);
    if (process.env.TILLBOX_FAULTS_KEEP_FIGURES) {
      process.stdout.write(`(kept in ${dir})\n`);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
