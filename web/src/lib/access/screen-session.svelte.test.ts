import type { Paired, SessionView, StaffView } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE, screenRole, type ScreenRole } from '$lib/api.js';
import type { AccessCalls } from './access-api.js';
import { ScreenSession } from './screen-session.svelte.js';

const NOT_PAIRED = 'This screen is not paired with the store box: pair it with a code';
const WRONG_PIN = 'That PIN is not right. Try again.';
const robin: StaffView = { id: 's-robin', name: 'Robin', role: 'admin', active: true };
const gone: StaffView = { id: 's-gone', name: 'Alex', role: 'cashier', active: false };

/** A fake edge with the real rules that matter here: a credential per role, PINs, idle sign-out. */
class FakeEdge implements AccessCalls {
  paired = new Set<ScreenRole>();
  staff: StaffView[] = [robin, gone];
  pins = new Map([['s-robin', '1111']]);
  signedIn: StaffView | undefined;
  codes = new Map<string, ScreenRole>();
  online = true;
  demo = true;
  calls: string[] = [];

  #device(role: ScreenRole): Paired['device'] {
    return { id: `d-${role}`, name: `Demo ${role}`, role };
  }
  #check(): void {
    if (!this.online) throw new ApiError('network', NETWORK_MESSAGE);
    const role = screenRole();
    if (!role || !this.paired.has(role)) throw new ApiError('rejected', NOT_PAIRED, { status: 401 });
  }
  #session(): SessionView {
    const device = this.#device(screenRole() ?? 'kds');
    const s = this.signedIn;
    return { device, idleMinutes: 5, ...(s ? { staff: { id: s.id, name: s.name, role: s.role } } : {}) };
  }
  #paired(role: ScreenRole): Paired {
    this.paired.add(role);
    return { device: this.#device(role), credential: `cred-${role}` };
  }

  mode = () => Promise.resolve({ demo: this.demo, oneClick: this.demo });
  session = () => {
    this.calls.push('session');
    try {
      this.#check();
      return Promise.resolve(this.#session());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  claim = (code: string) => {
    const role = this.codes.get(code);
    if (!role) return Promise.reject(new ApiError('rejected', 'That pairing code is not valid', { status: 403 }));
    this.codes.delete(code);
    return Promise.resolve(this.#paired(role));
  };
  pairDemo = (role: ScreenRole) => Promise.resolve(this.#paired(role));
  roster = () => Promise.resolve(this.staff);
  signIn = (staffId: string, pin: string) => {
    if (this.pins.get(staffId) !== pin) return Promise.reject(new ApiError('rejected', WRONG_PIN, { status: 401 }));
    this.signedIn = this.staff.find((s) => s.id === staffId);
    return Promise.resolve(this.#session());
  };
  signOut = () => {
    if (!this.signedIn) return Promise.reject(new ApiError('rejected', 'nobody is signed in', { status: 409 }));
    this.signedIn = undefined;
    return Promise.resolve(this.#session());
  };
  bootstrap = (name: string, pin: string) => {
    const made: StaffView = { id: 's-first', name, role: 'admin', active: true };
    this.staff = [made];
    this.pins.set(made.id, pin);
    return Promise.resolve(made);
  };
}

let edge: FakeEdge;
let screen: ScreenSession | undefined;
function open(role: ScreenRole): ScreenSession {
  screen = new ScreenSession({ role, calls: edge, retryMs: 1000, idleMarginMs: 1000 });
  screen.start();
  return screen;
}

beforeEach(() => {
  vi.useFakeTimers();
  edge = new FakeEdge();
});
afterEach(() => {
  screen?.stop();
  vi.useRealTimers();
});

describe('ScreenSession', () => {
  it('shows the pairing panel with one-click pairing on the demo box, then the paired screen', async () => {
    const kds = open('kds');
    await vi.advanceTimersByTimeAsync(0);
    expect(screenRole()).toBe('kds');
    expect(kds.view).toEqual({ kind: 'unpaired', mode: { demo: true, oneClick: true } });

    expect(await kds.pairDemo()).toBe(true);
    expect(kds.view.kind).toBe('paired');
    expect(kds.session?.device.role).toBe('kds');
  });

  it('pairs with a code, and says so when the code is refused', async () => {
    edge.demo = false;
    edge.codes.set('ABCD-EF23', 'kds');
    const kds = open('kds');
    await vi.advanceTimersByTimeAsync(0);
    expect(kds.view).toEqual({ kind: 'unpaired', mode: { demo: false, oneClick: false } });

    expect(await kds.pairWithCode('WRONG')).toBe(false);
    expect(kds.error).toBeInstanceOf(ApiError);
    expect(kds.view.kind).toBe('unpaired');
    expect(await kds.pairWithCode('   ')).toBe(false);
    expect(String(kds.error)).toMatch(/Type the pairing code/);

    expect(await kds.pairWithCode(' ABCD-EF23 ')).toBe(true);
    expect(kds.error).toBeUndefined();
    expect(kds.view.kind).toBe('paired');
  });

  it('says where a code for another kind of screen paired this browser, and stays unpaired here', async () => {
    edge.codes.set('ADMIN-1', 'admin');
    const kds = open('kds');
    await vi.advanceTimersByTimeAsync(0);
    await kds.pairWithCode('ADMIN-1');
    expect(kds.pairedElsewhere?.role).toBe('admin');
    expect(kds.view.kind).toBe('unpaired');
  });

  it('keeps asking while the edge is away and shows the screen when it answers', async () => {
    edge.online = false;
    edge.paired.add('pickup');
    const pickup = open('pickup');
    await vi.advanceTimersByTimeAsync(0);
    expect(pickup.view.kind).toBe('unreachable');
    edge.online = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(pickup.view.kind).toBe('paired');
  });

  it('signs staff in with their PIN (not with a wrong one) and lists only active staff', async () => {
    edge.paired.add('admin');
    const admin = open('admin');
    await vi.advanceTimersByTimeAsync(0);
    await admin.loadRoster();
    expect(admin.roster?.map((s) => s.name)).toEqual(['Robin']);

    expect(await admin.signIn('s-robin', '9999')).toBe(false);
    expect(String(admin.error)).toContain(WRONG_PIN);
    expect(admin.staff).toBeUndefined();
    expect(edge.calls.filter((c) => c === 'session')).toHaveLength(1);

    expect(await admin.signIn('s-robin', '1111')).toBe(true);
    expect(admin.error).toBeUndefined();
    expect(admin.staff?.name).toBe('Robin');
    expect(await admin.signOut()).toBe(true);
    expect(admin.staff).toBeUndefined();
  });

  it('notices the edge signed an idle staff member out, and says why', async () => {
    edge.paired.add('admin');
    const admin = open('admin');
    await vi.advanceTimersByTimeAsync(0);
    await admin.signIn('s-robin', '1111');
    // Touches keep it going: no check before 5 idle minutes have passed since the last one.
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    admin.activity();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(edge.calls.filter((c) => c === 'session')).toHaveLength(1);

    edge.signedIn = undefined; // the edge's idle timer ran out
    await vi.advanceTimersByTimeAsync(60_000 + 1000);
    expect(admin.view.kind).toBe('paired');
    expect(admin.staff).toBeUndefined();
    expect(admin.notice).toMatch(/Robin was signed out.*5 minutes/);
  });

  it('goes back to sign-in or pairing when a call answers 401', async () => {
    edge.paired.add('admin');
    const admin = open('admin');
    await vi.advanceTimersByTimeAsync(0);
    await admin.signIn('s-robin', '1111');

    edge.signedIn = undefined;
    admin.handleError(new ApiError('rejected', 'Sign in to list orders', { status: 401 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(admin.staff).toBeUndefined();
    expect(admin.view.kind).toBe('paired');

    admin.handleError(new ApiError('rejected', 'forbidden', { status: 403 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(admin.view.kind).toBe('paired');

    edge.paired.delete('admin'); // revoked on another admin screen
    admin.handleError(new ApiError('rejected', NOT_PAIRED, { status: 401 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(admin.view.kind).toBe('unpaired');
  });

  it('makes a new store’s first admin and signs them in', async () => {
    edge.paired.add('admin');
    edge.staff = [];
    const admin = open('admin');
    await vi.advanceTimersByTimeAsync(0);
    await admin.loadRoster();
    expect(admin.roster).toEqual([]);
    expect(await admin.bootstrap('Jo', '2468')).toBe(true);
    expect(admin.staff).toMatchObject({ name: 'Jo', role: 'admin' });
    expect(admin.roster?.map((s) => s.name)).toEqual(['Jo']);
  });
});
