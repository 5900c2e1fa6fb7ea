import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { startTestEdge, tempDir } from '../testing/test-edge.js';
import { hardwareCheck } from './hardware-check.js';
import { hardwareProfileJsonSchema, hardwareProfileMarkdown } from './profile-docs.js';
import { DEMO_PROFILE, FIRMWARE_CONFIG_DIR, loadProfileFile } from './profile-file.js';

function profileFile(devices: unknown[], name = 'test'): { path: string; remove: () => void } {
  const dir = tempDir('tillbox-profile-');
  const path = join(dir.dir, 'profile.json');
  writeFileSync(path, JSON.stringify({ version: 1, name, devices }));
  return { path, remove: dir.remove };
}

const printer = (id: string, connection: string, stations: string[]) => ({
  id,
  role: 'kitchen-printer',
  driver: 'escpos',
  connection,
  stations,
});

describe('npm run hardware:check', () => {
  it('passes the demo profile against the demo stations', () => {
    const out = hardwareCheck([DEMO_PROFILE], {});
    expect(out.status).toBe(0);
    expect(out.lines[0]).toMatch(/7 devices; stations bar \(prints\), kitchen \(prints\)$/);
    expect(out.lines.slice(1)).toEqual(['ok: no errors']);
    expect(hardwareCheck([join(FIRMWARE_CONFIG_DIR, 'profiles', 'example-store.json')], {}).status).toBe(0);
  });

  it('names every problem of a bad profile and fails', () => {
    const file = profileFile([
      { id: 'receipt', role: 'receipt-printer', driver: 'epson-magic', connection: 'tcp:10.0.0.5' },
      printer('bar-printer', 'tcp:10.0.0.5:9100', ['bar']),
      { ...printer('grill-printer', 'virtual', ['grill']), backup: 'nowhere' },
    ]);
    try {
      const out = hardwareCheck([file.path], {});
      expect(out.status).toBe(1);
      expect(out.lines.slice(1)).toEqual([
        expect.stringMatching(/^error: devices\.0\.driver \(receipt\): unknown driver "epson-magic"/),
        'error: devices.1.connection (bar-printer): "bar-printer" and "receipt" are both on tcp:10.0.0.5:9100',
        'error: devices.2.backup (grill-printer): backup "nowhere" is not a device of this profile',
        'error: devices.2.stations.0 (grill-printer): "grill-printer" prints for station "grill", which is not a kitchen station (stations: bar, kitchen)',
        'error: devices: station "kitchen" prints tickets (printTickets) but no kitchen printer serves it',
        '5 errors',
      ]);
    } finally {
      file.remove();
    }
  });

  it('takes the stations from a settings file', () => {
    const file = profileFile([printer('bar-printer', 'virtual', ['bar'])]);
    const settings = join(file.path, '..', 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({
        kitchen: { stations: [{ id: 'bar', name: 'Bar', printTickets: true }], defaultStation: 'bar' },
      }),
    );
    try {
      expect(hardwareCheck([file.path, '--settings', settings], {})).toEqual({
        status: 0,
        lines: [`${file.path}: "test", 1 devices; stations bar (prints)`, 'ok: no errors'],
      });
      const env = { TILLBOX_CONFIG: settings };
      expect(hardwareCheck([file.path], env).status).toBe(0);
      expect(hardwareCheck([file.path], {}).lines).toContain(
        'error: devices: station "kitchen" prints tickets (printTickets) but no kitchen printer serves it',
      );
    } finally {
      file.remove();
    }
  });

  it('says what is wrong with a file it cannot read, and how to call it', () => {
    expect(hardwareCheck(['/nonexistent/profile.json'], {})).toMatchObject({
      status: 1,
      lines: [expect.stringMatching(/^error: \(file\): \/nonexistent\/profile\.json cannot be read/), '1 error'],
    });
    const dir = tempDir();
    const bad = join(dir.dir, 'bad.json');
    writeFileSync(bad, '{ "version": 1, ');
    expect(hardwareCheck([bad], {}).lines[0]).toMatch(/is not JSON/);
    dir.remove();
    expect(hardwareCheck([], {}).status).toBe(64);
    expect(hardwareCheck(['a.json', 'b.json'], {}).status).toBe(64);
    expect(hardwareCheck(['a.json', '--settings'], {}).status).toBe(64);
  });

  it('runs as npm run hardware:check with its exit status', () => {
    const repo = join(FIRMWARE_CONFIG_DIR, '..');
    const ok = execFileSync('npm', ['run', '-s', 'hardware:check', 'firmware-config/profiles/demo.json'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, TILLBOX_CONFIG: '' },
    });
    expect(ok).toMatch(/ok: no errors$/m);
    const failed = spawnSync('npm', ['run', '-s', 'hardware:check', '/nonexistent.json'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, TILLBOX_CONFIG: '' },
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/cannot be read/);
  });

  it('is what the edge loads: an error refuses the profile naming each problem', () => {
    const file = profileFile([printer('a', 'virtual', ['bar']), printer('a', 'virtual', ['kitchen'])]);
    try {
      expect(() => loadProfileFile(file.path, [{ id: 'bar', printTickets: true }])).toThrow(
        /is not valid:\n {2}error: devices\.1\.id \(a\): two devices are called "a"/,
      );
    } finally {
      file.remove();
    }
  });
});

describe('the edge and its profile', () => {
  it('refuses to start on a profile with an error, naming it; starts with a printing station that has no printer', async () => {
    const bad = profileFile([printer('a', 'virtual', ['bar']), printer('a', 'virtual', ['kitchen'])]);
    const onlyBar = profileFile([printer('bar-printer', 'virtual', ['bar'])]);
    try {
      await expect(startTestEdge({ overrides: { 'devices.profile': bad.path } })).rejects.toThrow(
        /Hardware profile .* is not valid:\n {2}error: devices\.1\.id \(a\): two devices are called "a"/,
      );
      const t = await startTestEdge({ overrides: { 'devices.profile': onlyBar.path } });
      try {
        // The virtual printer answers its first status request (DLE EOT) just after the start.
        await expect
          .poll(() => t.edge.devices.hardwareList().devices.map((d) => [d.id, d.state]), { timeout: 10_000 })
          .toEqual([['bar-printer', 'ready']]);
      } finally {
        await t.stop();
      }
    } finally {
      bad.remove();
      onlyBar.remove();
    }
  });
});

describe('firmware-config reference', () => {
  it('PROFILE.md and the JSON Schema are what the schema makes (npm run docs:hardware)', async () => {
    expect(readFileSync(join(FIRMWARE_CONFIG_DIR, 'PROFILE.md'), 'utf8')).toBe(hardwareProfileMarkdown());
    expect(readFileSync(join(FIRMWARE_CONFIG_DIR, 'hardware-profile.schema.json'), 'utf8')).toBe(
      await format(hardwareProfileJsonSchema(), { parser: 'json' }),
    );
  });

  it('the udev rules give access to every vendor of the fingerprint table', async () => {
    const { USB_FINGERPRINTS, hex4 } = await import('@tillbox/core');
    const rules = readFileSync(join(FIRMWARE_CONFIG_DIR, 'udev', '60-tillbox-pos.rules'), 'utf8');
    for (const vendor of new Set(USB_FINGERPRINTS.map((f) => hex4(f.vendorId))))
      expect(rules, vendor).toContain(`ATTR{idVendor}=="${vendor}", MODE="0660", GROUP="tillbox"`);
  });
});
