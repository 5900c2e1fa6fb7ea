/**
 * Which terminal a store gets from its hardware profile, and a network terminal refused at start
 * when its key, POIID or Adyen's root certificate is missing (never a silent fallback).
 */
import { readHardwareProfile, type HardwareProfile } from '@tillbox/core';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.js';
import { VirtualPinpad } from '../pinpad.js';
import { CardTerminal, VIRTUAL_POI_ID } from './card-terminal.js';

const log = pino({ level: 'silent' });
const profileWith = (connection: string): HardwareProfile => {
  const { profile } = readHardwareProfile({
    version: 1,
    name: 'terminal only',
    devices: [{ id: 'terminal', role: 'payment-terminal', driver: 'adyen-terminal-api', connection }],
  });
  if (!profile) throw new Error('the test profile does not parse');
  return profile;
};
const settings = (overrides: Record<string, unknown> = {}) => loadSettings({ env: {}, overrides });

describe('the card terminal of a hardware profile', () => {
  it('a terminal on the network needs its key, POIID and certificate: the start is refused naming each', () => {
    expect(
      () => new CardTerminal({ settings: settings(), profile: profileWith('tcp:192.168.1.60:8443'), log }),
    ).toThrow(
      /terminal on 192\.168\.1\.60:8443 needs payments\.terminal\.poiId, payments\.terminal\.keyIdentifier, payments\.terminal\.keyPassphrase, payments\.terminal\.caFile/,
    );
    const partly = settings({
      'payments.terminal.poiId': 'V400m-324688179',
      'payments.terminal.keyIdentifier': 'store-key',
      'payments.terminal.keyPassphrase': 'a long passphrase',
      'payments.terminal.caFile': '/nonexistent/adyen-root.pem',
    });
    expect(() => new CardTerminal({ settings: partly, profile: profileWith('tcp:192.168.1.60:8443'), log })).toThrow(
      /caFile \/nonexistent\/adyen-root\.pem cannot be read/,
    );
  });

  it('a virtual terminal runs here over HTTPS with a key of its own; no terminal: the in-process pinpad', async () => {
    const virtual = new CardTerminal({ settings: settings(), profile: profileWith('virtual'), log });
    await virtual.start();
    try {
      expect(virtual.terminal.name).toBe('adyen-terminal-api');
      expect(virtual.virtual?.poiId).toBe(VIRTUAL_POI_ID);
      expect(virtual.virtual?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/nexo$/);
      const sale = await virtual.terminal.sale({ amount: 450, currency: 'USD', orderId: 'o', intentId: 'i-1' });
      expect(sale).toMatchObject({ approved: true, cardLast4: '1111', brand: 'visa' });
      expect(virtual.state.state).toBe('ready');
    } finally {
      await virtual.stop();
    }
    const none = new CardTerminal({ settings: settings(), profile: undefined, log });
    await none.start();
    expect(none.terminal).toBeInstanceOf(VirtualPinpad);
    await none.stop();
  });
});
