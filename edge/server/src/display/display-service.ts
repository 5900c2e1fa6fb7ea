/**
 * Customer displays: the screen facing the guest at a counter. A display pairs as its own device
 * (role `display`), then shows a six-digit link code; a cashier enters that code on the counter
 * ("Customer display") and from then on the display follows that counter — the link is a
 * `device.linked` event, so it outlives restarts without a table of its own. The counter publishes
 * what the guest should see whenever its ticket changes; the latest state of each counter is kept
 * here in memory only (a view, not a fact: nothing of it is logged or stored) and pushed on the
 * stream's `display` topic to the displays linked to that counter, and to no other screen.
 */
import { randomInt } from 'node:crypto';
import {
  TillboxError,
  type CommandContext,
  type CustomerDisplayState,
  type CustomerDisplayView,
  type DeviceView,
  type StreamDisplayFrame,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { LiveFeed, StreamPrincipal } from '../api/stream-hub.js';
import type { DeviceStatusView } from '../devices/printer.js';
import type { EventLog } from '../events/event-log.js';
import type { DisplayRepository } from './display-repository.js';

export interface DisplayServiceContext {
  repository: DisplayRepository;
  events: EventLog;
  /** The paired devices (revoked ones included), for names and roles. */
  devices: () => readonly DeviceView[];
  storeName: string;
  /** A counter's display changed (pole displays of the hardware profile show it too). */
  onShow?: (counter: { id: string; name: string }, state: CustomerDisplayState | null) => void;
  log: Logger;
  now?: () => number;
}

/** How long a display's link code can be entered. */
export const LINK_CODE_MS = 10 * 60_000;
/** Wrong codes a counter may enter in {@link LINK_CODE_MS} before it must wait (six digits are guessable). */
export const MAX_WRONG_CODES = 10;

interface Published {
  state: CustomerDisplayState;
  at: number;
}

export class DisplayService implements LiveFeed {
  private readonly now: () => number;
  /** Display id → the counter it follows. */
  private links = new Map<string, string>();
  /** Counter id → what its display should show now. */
  private readonly states = new Map<string, Published>();
  /** Link code → the display showing it, until when. */
  private readonly codes = new Map<string, { displayId: string; expiresAt: number }>();
  /** Display id → who is watching it on the stream. */
  private readonly watchers = new Map<string, Set<(frame: string) => void>>();
  /** Counter id → its wrong codes since. */
  private readonly wrong = new Map<string, { count: number; since: number }>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly ctx: DisplayServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  start(): void {
    this.links = this.ctx.repository.links();
    // A counter whose cashier signs out (or is signed out idle) leaves its guest nothing to read.
    this.unsubscribe = this.ctx.events.subscribe((committed) => {
      for (const e of committed) {
        if (e.type !== 'staff.signed-out') continue;
        const counterId = (e.data as { deviceId?: unknown }).deviceId;
        if (typeof counterId === 'string' && this.states.has(counterId)) this.clear(counterId);
      }
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.links.clear();
    this.states.clear();
    this.codes.clear();
    this.watchers.clear();
    this.wrong.clear();
  }

  /** What this display should show now (a link code while it follows no counter). */
  view(displayId: string): CustomerDisplayView {
    const counterId = this.links.get(displayId);
    const base = { storeName: this.ctx.storeName };
    if (counterId === undefined) {
      const { code, expiresAt } = this.codeFor(displayId);
      return {
        ...base,
        counter: null,
        linkCode: code,
        linkCodeExpiresAt: new Date(expiresAt).toISOString(),
        state: null,
      };
    }
    const counter = this.ctx.devices().find((d) => d.id === counterId);
    const published = this.states.get(counterId);
    return {
      ...base,
      counter: { id: counterId, name: counter?.name ?? 'Counter' },
      state: published?.state ?? null,
      ...(published ? { at: new Date(published.at).toISOString() } : {}),
    };
  }

  /** The counter's display state changed: keep it and send it to the displays that follow it. Answers how many were sent it. */
  publish(counterId: string, state: CustomerDisplayState): { displays: number } {
    this.states.set(counterId, { state, at: this.now() });
    this.shown(counterId, state);
    let sent = 0;
    for (const [displayId, linkedTo] of this.links) {
      if (linkedTo !== counterId) continue;
      const watching = this.watchers.get(displayId);
      if (!watching || watching.size === 0) continue;
      this.push(displayId);
      sent += 1;
    }
    return { displays: sent };
  }

  /** The counter's displays go back to the store's name. */
  private clear(counterId: string): void {
    this.states.delete(counterId);
    this.shown(counterId, null);
    for (const [displayId, linkedTo] of this.links) if (linkedTo === counterId) this.push(displayId);
  }

  /** A cashier entered the code a display shows: the display follows this counter from now on. */
  link(cmd: CommandContext, counterId: string, typed: string): DeviceView {
    const at = this.now();
    const tries = this.wrong.get(counterId);
    if (tries && at - tries.since > LINK_CODE_MS) this.wrong.delete(counterId);
    if ((this.wrong.get(counterId)?.count ?? 0) >= MAX_WRONG_CODES) {
      throw new TillboxError(
        'conflict',
        'Too many wrong codes were entered on this counter: wait ten minutes, then enter the code the display shows',
      );
    }
    const code = typed.replace(/\D/g, '');
    const entry = this.codes.get(code);
    const display =
      entry && entry.expiresAt > at
        ? this.ctx.devices().find((d) => d.id === entry.displayId && d.role === 'display' && d.revokedAt === undefined)
        : undefined;
    if (!entry || !display) {
      const was = this.wrong.get(counterId);
      this.wrong.set(counterId, { count: (was?.count ?? 0) + 1, since: was?.since ?? at });
      throw new TillboxError(
        'not-found',
        'No customer display shows that code: check the six digits on the display (a code lasts ten minutes)',
      );
    }
    this.ctx.events.transact(cmd, (_tx, append) =>
      append({ type: 'device.linked', subject: display.id, data: { deviceId: display.id, counterId } }),
    );
    this.codes.delete(code);
    this.links.set(display.id, counterId);
    this.ctx.log.info({ display: display.id, counter: counterId }, 'customer display linked to a counter');
    this.push(display.id);
    return display;
  }

  /** For the device hub: a browser customer display is showing when one is on the stream and linked. */
  status(): DeviceStatusView {
    const at = this.now();
    const showing = [...this.watchers.keys()].filter((id) => this.links.has(id)).length;
    if (showing > 0) return { state: 'ready', checkedAt: at };
    return {
      state: 'offline',
      lastError:
        this.watchers.size > 0
          ? 'A customer display is open but not linked: enter the code it shows on the counter (Customer display)'
          : 'No customer display is showing: pair a screen as a customer display and open /display on it',
      checkedAt: at,
    };
  }

  /** The displays (not revoked) that follow this counter. */
  linked(counterId: string): DeviceView[] {
    return this.ctx
      .devices()
      .filter((d) => d.role === 'display' && d.revokedAt === undefined && this.links.get(d.id) === counterId);
  }

  /** The stream's `display` topic: a display gets its view now and on every change of its counter. */
  watch(principal: StreamPrincipal, send: (frame: string) => void): () => void {
    const displayId = principal.device.id;
    let watching = this.watchers.get(displayId);
    if (!watching) this.watchers.set(displayId, (watching = new Set()));
    watching.add(send);
    send(this.frame(displayId));
    return () => {
      watching.delete(send);
      if (watching.size === 0 && this.watchers.get(displayId) === watching) this.watchers.delete(displayId);
    };
  }

  private shown(counterId: string, state: CustomerDisplayState | null): void {
    if (!this.ctx.onShow) return;
    const name = this.ctx.devices().find((d) => d.id === counterId)?.name ?? 'Counter';
    try {
      this.ctx.onShow({ id: counterId, name }, state);
    } catch (err) {
      this.ctx.log.warn({ err, counter: counterId }, 'a pole display could not be given the state');
    }
  }

  private push(displayId: string): void {
    const watching = this.watchers.get(displayId);
    if (!watching || watching.size === 0) return;
    const frame = this.frame(displayId);
    for (const send of watching) send(frame);
  }

  private frame(displayId: string): string {
    return JSON.stringify({ type: 'display', display: this.view(displayId) } satisfies StreamDisplayFrame);
  }

  /** The display's link code, a new one when it has none or it expired. */
  private codeFor(displayId: string): { code: string; expiresAt: number } {
    const at = this.now();
    for (const [code, entry] of this.codes) {
      if (entry.expiresAt <= at) this.codes.delete(code);
      else if (entry.displayId === displayId) return { code, expiresAt: entry.expiresAt };
    }
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.codes.has(code));
    const expiresAt = at + LINK_CODE_MS;
    this.codes.set(code, { displayId, expiresAt });
    return { code, expiresAt };
  }
}
