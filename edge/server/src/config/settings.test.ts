import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/test-edge.js';
import { loadSettings, maskSettings, settingLeaves, settingsMarkdown } from './settings.js';

describe('settings', () => {
  it('defaults run the demo store', () => {
    const s = loadSettings({ env: {} });
    expect(s.http.port).toBe(8080);
    expect(s.data.dir).toBe('./data');
    expect(s.store.id).toBe('demo-store');
    expect(s.store.timeZone).toBe('America/New_York');
  });

  it('derives one env override per key from the schema', () => {
    const envs = settingLeaves().map((l) => l.env);
    expect(envs).toContain('TILLBOX_HTTP_PORT');
    expect(envs).toContain('TILLBOX_DATA_DIR');
    expect(envs).toContain('TILLBOX_STORE_TIME_ZONE');
    expect(envs).toContain('TILLBOX_HTTP_BODY_LIMIT_BYTES');
    expect(new Set(envs).size).toBe(envs.length);
    const s = loadSettings({
      env: { TILLBOX_HTTP_PORT: '9001', TILLBOX_DATA_DIR: '/srv/store', TILLBOX_LOG_LEVEL: 'warn' },
    });
    expect(s.http.port).toBe(9001);
    expect(s.data.dir).toBe('/srv/store');
    expect(s.log.level).toBe('warn');
  });

  it('a bad env value stops the start naming the key and the problem', () => {
    expect(() => loadSettings({ env: { TILLBOX_HTTP_PORT: 'eighty' } })).toThrow(
      /TILLBOX_HTTP_PORT: expected a number, got "eighty"/,
    );
    expect(() => loadSettings({ env: { TILLBOX_HTTP_PORT: '70000' } })).toThrow(
      /http\.port \[TILLBOX_HTTP_PORT\]: .*65535/,
    );
    expect(() => loadSettings({ env: { TILLBOX_STORE_TIME_ZONE: 'Mars/Olympus' } })).toThrow(/store\.timeZone.*IANA/);
    expect(() => loadSettings({ env: { TILLBOX_LOG_LEVEL: 'loud' } })).toThrow(/log\.level/);
  });

  it('takes a list setting from the environment as JSON, and refuses one that is not', () => {
    const lists = settingLeaves().filter((l) => l.kind === 'json');
    expect(lists.map((l) => l.env).sort()).toEqual(['TILLBOX_KITCHEN_STATIONS', 'TILLBOX_SECURITY_ALLOWED_HOSTS']);
    const s = loadSettings({
      env: {
        TILLBOX_SECURITY_ALLOWED_HOSTS: '["tillbox.local","pos.example.com"]',
        TILLBOX_KITCHEN_STATIONS: JSON.stringify([
          { id: 'bar', name: 'Bar', printTickets: false },
          { id: 'kitchen', name: 'Kitchen', printTickets: true },
        ]),
      },
    });
    expect(s.security.allowedHosts).toEqual(['tillbox.local', 'pos.example.com']);
    expect(s.kitchen.stations.map((st) => [st.id, st.printTickets])).toEqual([
      ['bar', false],
      ['kitchen', true],
    ]);
    expect(() => loadSettings({ env: { TILLBOX_SECURITY_ALLOWED_HOSTS: 'tillbox.local' } })).toThrow(
      /TILLBOX_SECURITY_ALLOWED_HOSTS: expected JSON, got "tillbox\.local"/,
    );
    expect(() => loadSettings({ env: { TILLBOX_KITCHEN_STATIONS: '{"id":"bar"}' } })).toThrow(
      /kitchen\.stations \[TILLBOX_KITCHEN_STATIONS\]: .*expected array/,
    );
  });

  it('reads a JSON file, refuses unknown keys and unreadable files', () => {
    const t = tempDir();
    try {
      const good = join(t.dir, 'good.json');
      writeFileSync(good, JSON.stringify({ http: { port: 8181 }, store: { name: 'Main St' } }));
      const s = loadSettings({ env: { TILLBOX_CONFIG: good } });
      expect(s.http.port).toBe(8181);
      expect(s.store.name).toBe('Main St');
      // env wins over the file
      expect(loadSettings({ env: { TILLBOX_CONFIG: good, TILLBOX_HTTP_PORT: '8282' } }).http.port).toBe(8282);

      const unknown = join(t.dir, 'unknown.json');
      writeFileSync(unknown, JSON.stringify({ htpp: { port: 1 } }));
      expect(() => loadSettings({ env: { TILLBOX_CONFIG: unknown } })).toThrow(/htpp/);

      const broken = join(t.dir, 'broken.json');
      writeFileSync(broken, '{ "http": ');
      expect(() => loadSettings({ env: { TILLBOX_CONFIG: broken } })).toThrow(/cannot be read/);
    } finally {
      t.remove();
    }
  });

  it('masks secrets when printed', () => {
    const s = loadSettings({ env: { TILLBOX_SECURITY_BOOTSTRAP_PAIRING_CODE: 'HUNT-ER23' } });
    expect(s.security.bootstrapPairingCode).toBe('HUNT-ER23');
    const printed = JSON.stringify(maskSettings(s));
    expect(printed).not.toContain('HUNT-ER23');
    expect(printed).toContain('***');
    expect(maskSettings(loadSettings({ env: {} }))).toMatchObject({ security: { bootstrapPairingCode: '' } });
  });

  it('docs/settings.md is the one generated from the schema', () => {
    const doc = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..', 'docs', 'settings.md');
    expect(readFileSync(doc, 'utf8')).toBe(settingsMarkdown());
  });
});
