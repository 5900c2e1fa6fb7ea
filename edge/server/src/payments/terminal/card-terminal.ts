/**
 * The store's card terminal as its hardware profile describes it (role `payment-terminal`,
 * driver `adyen-terminal-api`): on `tcp:HOST:PORT` the Adyen terminal on the network (the key,
 * POIID and Adyen's root certificate from `payments.terminal.*`); `virtual`, a virtual terminal
 * started here on 127.0.0.1 and driven over HTTPS by the same driver code. With no terminal in
 * the profile, the in-process `VirtualPinpad` (setting `payments.pinpad`). A module with
 * `start()`/`stop()`; constructing does no work but checking the settings.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TillboxError, type HardwareDevice, type HardwareProfile } from '@tillbox/core';
import type { Logger } from 'pino';
import type { Settings } from '../../config/settings.js';
import type { PaymentTerminal } from '../payment-terminal.js';
import { VirtualPinpad } from '../pinpad.js';
import { AdyenTerminal, type TerminalState } from './adyen-terminal.js';
import type { NexoKey } from './nexo-crypto.js';
import { VirtualTerminal } from './virtual-terminal.js';

export const VIRTUAL_POI_ID = 'V400m-000000001';

export interface CardTerminalContext {
  settings: Pick<Settings, 'payments' | 'store'>;
  /** The store's hardware profile, if it has one. */
  profile: HardwareProfile | undefined;
  log: Logger;
}

export class CardTerminal {
  /** The profile's payment terminal, if any. */
  readonly device: HardwareDevice | undefined;
  private adyen: AdyenTerminal | undefined;
  private pinpad: VirtualPinpad | undefined;
  /** The virtual terminal this module runs (a `virtual` terminal in the profile). */
  virtual: VirtualTerminal | undefined;

  constructor(private readonly ctx: CardTerminalContext) {
    this.device = ctx.profile?.devices.find((d) => d.role === 'payment-terminal');
    if (this.device && this.device.driver !== 'adyen-terminal-api') {
      throw new TillboxError('validation', `payment terminal ${this.device.id}: no driver ${this.device.driver}`);
    }
    if (this.device?.connection.kind === 'tcp') this.networkOptions(); // refuse a missing key at start
  }

  /** The terminal the payment service talks to (valid once started). */
  get terminal(): PaymentTerminal {
    const t = this.adyen ?? this.pinpad;
    if (!t) throw new Error('the card terminal is not started');
    return t;
  }

  /** How the terminal is doing, for the admin's device list. */
  get state(): TerminalState {
    return this.adyen?.state ?? { state: 'ready' };
  }

  async start(): Promise<void> {
    const { settings, log } = this.ctx;
    const c = this.device?.connection;
    if (!c) {
      this.pinpad = new VirtualPinpad({ delayMs: 300 });
      return;
    }
    const t = settings.payments.terminal;
    const saleId = t.saleId || `tillbox-${settings.store.id}`;
    const timeouts = { saleTimeoutMs: t.saleTimeoutMs, requestTimeoutMs: t.requestTimeoutMs };
    if (c.kind === 'virtual') {
      const poiId = t.poiId || VIRTUAL_POI_ID;
      const key: NexoKey = {
        keyIdentifier: t.keyIdentifier || 'tillbox-virtual',
        passphrase: t.keyPassphrase || randomBytes(24).toString('base64url'),
        keyVersion: t.keyVersion,
      };
      const virtual = new VirtualTerminal({ poiId, key, log: log.child({ module: 'virtual-terminal' }) });
      await virtual.start();
      this.virtual = virtual;
      this.adyen = new AdyenTerminal({
        url: virtual.url,
        ids: { saleId, poiId },
        key,
        ca: virtual.certificate,
        ...timeouts,
        log,
      });
    } else {
      const { url, key, ca, poiId } = this.networkOptions();
      this.adyen = new AdyenTerminal({ url, ids: { saleId, poiId }, key, ca, ...timeouts, log });
    }
    this.adyen.start();
    log.info({ device: this.device?.id, virtual: c.kind === 'virtual' }, 'card terminal ready');
  }

  async stop(): Promise<void> {
    this.adyen?.stop();
    this.adyen = undefined;
    this.pinpad = undefined;
    await this.virtual?.stop();
    this.virtual = undefined;
  }

  private networkOptions(): { url: string; key: NexoKey; ca: string; poiId: string } {
    const c = this.device?.connection;
    const t = this.ctx.settings.payments.terminal;
    if (c?.kind !== 'tcp') throw new Error('not a network terminal');
    const missing = [
      ...(t.poiId ? [] : ['payments.terminal.poiId']),
      ...(t.keyIdentifier ? [] : ['payments.terminal.keyIdentifier']),
      ...(t.keyPassphrase ? [] : ['payments.terminal.keyPassphrase']),
      ...(t.caFile ? [] : ['payments.terminal.caFile']),
    ];
    if (missing.length > 0) {
      throw new TillboxError(
        'validation',
        `The card terminal ${this.device?.id ?? ''} on ${c.host}:${c.port} needs ${missing.join(', ')} (see docs/settings.md)`,
      );
    }
    let ca: string;
    try {
      ca = readFileSync(t.caFile, 'utf8');
    } catch (err) {
      throw new TillboxError('validation', `payments.terminal.caFile ${t.caFile} cannot be read`, { cause: err });
    }
    return {
      url: `https://${c.host}:${c.port}/nexo`,
      key: { keyIdentifier: t.keyIdentifier, passphrase: t.keyPassphrase, keyVersion: t.keyVersion },
      ca,
      poiId: t.poiId,
    };
  }
}
