/**
 * Who this screen is to the edge: paired or not, and who is signed in on it. Every screen holds
 * one (through `ScreenGate`); it says which screen it is before its first request, pairs with a
 * code (or in one click on the demo box), signs staff in and out, and notices when the edge has
 * ended a session (idle sign-out, a revoked device) so the screen can ask again.
 */
import type { Paired, SessionView, StaffView } from '@tillbox/core';
import { ApiError, setScreenRole, type ScreenRole } from '$lib/api.js';
import { accessCalls, type AccessCalls, type PairingMode } from './access-api.js';

export type GateView =
  | { kind: 'loading' }
  /** Not paired (or revoked): the screen shows the pairing panel. */
  | { kind: 'unpaired'; mode: PairingMode | undefined }
  | { kind: 'paired'; session: SessionView }
  /** The edge did not answer; the session keeps asking by itself. */
  | { kind: 'unreachable'; error: unknown };

export interface ScreenSessionOptions {
  role: ScreenRole;
  calls?: AccessCalls;
  /** How soon to ask again while the edge is away. */
  retryMs?: number;
  /** How long past the edge's idle time to check whether it signed the staff member out. */
  idleMarginMs?: number;
}

/** A 401 from `/session`: this browser has no working credential for the screen. */
function isUnpaired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export class ScreenSession {
  readonly role: ScreenRole;
  view = $state<GateView>({ kind: 'loading' });
  /** Staff who can sign in here; undefined until loaded. */
  roster = $state<StaffView[] | undefined>(undefined);
  /** A pairing, sign-in or sign-out is under way. */
  busy = $state(false);
  /** Why the last pairing, sign-in or sign-out did not work. */
  error = $state<unknown>(undefined);
  /** Something the person should know, e.g. that they were signed out for being idle. */
  notice = $state<string | undefined>(undefined);
  /** A code for another kind of screen was claimed here: this browser is now paired as that. */
  pairedElsewhere = $state<Paired['device'] | undefined>(undefined);

  readonly #calls: AccessCalls;
  readonly #retryMs: number;
  readonly #idleMarginMs: number;
  #stopped = true;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every refresh, so an older answer that arrives late is ignored. */
  #generation = 0;

  constructor(options: ScreenSessionOptions) {
    this.role = options.role;
    this.#calls = options.calls ?? accessCalls;
    this.#retryMs = options.retryMs ?? 3000;
    this.#idleMarginMs = options.idleMarginMs ?? 5000;
  }

  get session(): SessionView | undefined {
    return this.view.kind === 'paired' ? this.view.session : undefined;
  }

  get staff(): SessionView['staff'] {
    return this.session?.staff;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    setScreenRole(this.role);
    void this.refresh();
  }

  stop(): void {
    this.#stopped = true;
    this.#generation++;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#idleTimer);
  }

  /** Ask the edge who this screen is now. */
  async refresh(): Promise<void> {
    if (this.#stopped) return;
    clearTimeout(this.#retryTimer);
    const generation = ++this.#generation;
    const before = this.staff;
    try {
      const session = await this.#calls.session();
      if (generation !== this.#generation) return;
      this.#show(session);
      if (before && !session.staff) {
        this.notice = `${before.name} was signed out: the screen was not used for ${session.idleMinutes} minutes, or the session ended elsewhere. Sign in again.`;
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      if (isUnpaired(error)) {
        const mode = this.view.kind === 'unpaired' ? this.view.mode : undefined;
        this.view = { kind: 'unpaired', mode };
        this.roster = undefined;
        clearTimeout(this.#idleTimer);
        if (mode === undefined) void this.#loadMode(generation);
        return;
      }
      this.view = { kind: 'unreachable', error };
      this.#retryTimer = setTimeout(() => void this.refresh(), this.#retryMs);
    }
  }

  /**
   * Any call of the screen that failed: a 401 means the edge no longer knows this screen or
   * its staff member (idle sign-out, revoked), so ask again and show pairing or sign-in.
   */
  handleError(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) void this.refresh();
  }

  /** The person touched the screen: the idle check starts over. */
  activity(): void {
    if (this.staff) this.#armIdle();
  }

  async pairWithCode(code: string): Promise<boolean> {
    const typed = code.trim();
    if (typed === '') {
      this.error = new Error('Type the pairing code shown on the admin screen.');
      return false;
    }
    return this.#pair(() => this.#calls.claim(typed));
  }

  /** The demo box only: pair this browser as this screen in one click. */
  pairDemo(): Promise<boolean> {
    return this.#pair(() => this.#calls.pairDemo(this.role));
  }

  async loadRoster(): Promise<void> {
    try {
      const roster = await this.#calls.roster();
      this.roster = roster.filter((s) => s.active);
    } catch (error) {
      this.error = error;
      this.handleError(error);
    }
  }

  async signIn(staffId: string, pin: string): Promise<boolean> {
    return this.#act(async () => {
      const session = await this.#calls.signIn(staffId, pin);
      this.notice = undefined;
      this.#show(session);
    });
  }

  async signOut(): Promise<boolean> {
    const done = await this.#act(async () => {
      this.#show(await this.#calls.signOut());
    });
    // Nobody was signed in after all (e.g. signed out for being idle a moment ago): show what is.
    if (!done) await this.refresh();
    return done;
  }

  /** A new store with no staff yet: make its first admin, then sign them in. */
  async bootstrap(name: string, pin: string): Promise<boolean> {
    let staffId: string | undefined;
    const made = await this.#act(async () => {
      staffId = (await this.#calls.bootstrap(name, pin)).id;
    });
    if (!made || staffId === undefined) return false;
    await this.loadRoster();
    return this.signIn(staffId, pin);
  }

  async #pair(pair: () => Promise<Paired>): Promise<boolean> {
    this.pairedElsewhere = undefined;
    return this.#act(async () => {
      const paired = await pair();
      if (paired.device.role !== this.role) {
        this.pairedElsewhere = paired.device;
        return;
      }
      await this.refresh();
    });
  }

  async #act(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = undefined;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  #show(session: SessionView): void {
    this.view = { kind: 'paired', session };
    if (session.staff) this.#armIdle();
    else clearTimeout(this.#idleTimer);
  }

  #armIdle(): void {
    clearTimeout(this.#idleTimer);
    const session = this.session;
    if (this.#stopped || !session?.staff) return;
    this.#idleTimer = setTimeout(() => void this.refresh(), session.idleMinutes * 60_000 + this.#idleMarginMs);
  }

  async #loadMode(generation: number): Promise<void> {
    try {
      const mode = await this.#calls.mode();
      if (generation !== this.#generation || this.view.kind !== 'unpaired') return;
      this.view = { kind: 'unpaired', mode };
    } catch {
      // Pairing with a code works without knowing the mode.
    }
  }
}
