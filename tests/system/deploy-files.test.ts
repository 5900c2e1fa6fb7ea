/**
 * The edge's container holds every folder of the repository the edge reads at run time: its
 * hardware profiles (`firmware-config/`) beside the built code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE, FIRMWARE_CONFIG_DIR } from '../../edge/server/src/devices/profile-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repository folders a Dockerfile copies into its image. */
function copied(dockerfile: string): string[] {
  const text = readFileSync(join(ROOT, 'deploy', dockerfile), 'utf8');
  return [...text.matchAll(/^COPY\s+(?!--from)(.+)$/gm)].flatMap((m) =>
    (m[1] ?? '')
      .trim()
      .split(/\s+/)
      .slice(0, -1)
      .map((p) => p.replace(/^\.\//, '').replace(/\/$/, '')),
  );
}

describe('the edge container', () => {
  it('has the hardware profiles the edge reads at start, the demo profile among them', () => {
    const folders = copied('Dockerfile.edge');
    const profiles = relative(ROOT, FIRMWARE_CONFIG_DIR);
    expect(folders).toContain(profiles);
    expect(relative(ROOT, DEMO_PROFILE).startsWith(`${profiles}/`)).toBe(true);
  });
});
