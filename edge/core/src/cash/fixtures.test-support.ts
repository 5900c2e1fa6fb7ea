/** Shared by the cash rules' tests: actors, an environment and a drawer. */
import type { Actor, CommandContext } from '../auth/actors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideDrawer, type DrawerCommand, type DrawerDecision, type DrawerEnv } from './decide.js';
import type { DrawerState } from './drawer.js';

export const cashier: Actor = { kind: 'staff', id: 'casey', role: 'cashier', name: 'Casey' };
export const manager = { kind: 'staff' as const, id: 'morgan', role: 'manager' as const, name: 'Morgan' };
export const T0 = Date.parse('2026-11-27T14:00:00Z');

export function envFor(actor: Actor = cashier, over: Partial<DrawerEnv> = {}): DrawerEnv {
  let n = 0;
  const cmd: CommandContext = { actor, device: 'counter-1' };
  return { cmd, at: T0, newId: () => `id-${(n += 1)}`, currency: 'USD', varianceApprovalAmount: 500, ...over };
}

export const closedDrawer: DrawerState = { drawer: { id: 'drawer-1', name: 'Drawer 1', active: true } };

/** Decide, and check every event against the catalogue. */
export function run(state: DrawerState, command: DrawerCommand, env: DrawerEnv = envFor()): DrawerDecision {
  const d = decideDrawer(state, command, env);
  for (const e of d.events) validateEvent(e.type, e.data);
  return d;
}
