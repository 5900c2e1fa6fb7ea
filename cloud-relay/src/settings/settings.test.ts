import { describe, expect, it } from 'vitest';
import { loadSettings, maskSettings } from './settings.js';

describe('cloud relay settings', () => {
  it('defaults run the chain demo on one machine: embedded PGlite, a broker on loopback, MQTT 5 shared subscriptions', () => {
    const s = loadSettings({ env: {} });
    expect(s.database).toMatchObject({ url: '', pgliteDir: './data/cloud' });
    expect(s.mqtt).toMatchObject({ url: 'mqtt://127.0.0.1:1883', protocolVersion: 5, shareGroup: 'cloud-relay' });
    expect(s.http).toMatchObject({ host: '127.0.0.1', port: 8090 });
  });

  it('takes one TILLBOX_CLOUD_* variable per key and masks secrets when printed', () => {
    const s = loadSettings({
      env: {
        TILLBOX_CLOUD_DATABASE_URL: 'postgres://relay:hunter2@db/tillbox',
        TILLBOX_CLOUD_HTTP_PORT: '9000',
        TILLBOX_CLOUD_MQTT_PROTOCOL_VERSION: '4',
        TILLBOX_CLOUD_ADMIN_TOKEN: 's3cret',
        TILLBOX_CLOUD_INSTANCE_ID: 'relay-a',
      },
    });
    expect(s).toMatchObject({ instanceId: 'relay-a', http: { port: 9000 }, mqtt: { protocolVersion: 4 } });
    const printed = JSON.stringify(maskSettings(s));
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain('s3cret');
    expect(maskSettings(s)).toMatchObject({ database: { url: '***' }, admin: { token: '***' } });
  });

  it('stops with a message naming the key and its variable', () => {
    expect(() => loadSettings({ env: { TILLBOX_CLOUD_HTTP_PORT: 'eighty' } })).toThrow(
      /TILLBOX_CLOUD_HTTP_PORT: expected a number, got "eighty"/,
    );
    expect(() => loadSettings({ env: { TILLBOX_CLOUD_MQTT_URL: 'http://broker' } })).toThrow(
      /mqtt\.url \[TILLBOX_CLOUD_MQTT_URL\]/,
    );
    expect(() => loadSettings({ env: { TILLBOX_CLOUD_LOYALTY_DEMO_MEMBERS: 'yes' } })).toThrow(
      /TILLBOX_CLOUD_LOYALTY_DEMO_MEMBERS: expected true or false, got "yes"/,
    );
  });

  it('reads a switch from true or false', () => {
    expect(loadSettings({ env: { TILLBOX_CLOUD_LOYALTY_DEMO_MEMBERS: 'true' } }).loyalty.demoMembers).toBe(true);
    expect(loadSettings({ env: {} }).loyalty.demoMembers).toBe(false);
  });
});
