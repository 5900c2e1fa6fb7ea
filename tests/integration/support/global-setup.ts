/**
 * The integration tier's global setup: one throwaway PostgreSQL cluster for the run (each test
 * file makes its own database on it), stopped when the run ends. Mosquitto is started by each file
 * (the tests take it down and bring it back).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PostgresServer } from './postgres.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'tillbox-pg-'));
  const server = await PostgresServer.start(dir);
  project.provide('postgresAdminUrl', server.url('postgres'));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
