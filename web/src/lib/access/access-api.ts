/**
 * The edge's pairing and sign-in calls, as the screens make them: typed from the OpenAPI
 * document, every answer parsed by the core's schema, the screen's role sent with each.
 */
import {
  pairedSchema,
  pairingModeSchema,
  sessionViewSchema,
  staffListSchema,
  staffViewSchema,
  type Paired,
  type SessionView,
  type StaffView,
} from '@tillbox/core';
import type { z } from 'zod';
import { api, type ScreenRole } from '$lib/api.js';

export type PairingMode = z.infer<typeof pairingModeSchema>;

/** What a screen asks the edge about who it is and who is signed in on it. */
export interface AccessCalls {
  mode(): Promise<PairingMode>;
  session(): Promise<SessionView>;
  claim(code: string): Promise<Paired>;
  pairDemo(role: ScreenRole): Promise<Paired>;
  roster(): Promise<StaffView[]>;
  signIn(staffId: string, pin: string): Promise<SessionView>;
  signOut(): Promise<SessionView>;
  bootstrap(name: string, pin: string): Promise<StaffView>;
}

export const accessCalls: AccessCalls = {
  mode: () => api.get('/pairing/mode', { schema: pairingModeSchema }),
  session: () => api.get('/session', { schema: sessionViewSchema }),
  claim: (code) => api.post('/pairing/claim', { body: { code }, schema: pairedSchema }),
  pairDemo: (role) => api.post('/pairing/demo', { body: { role }, schema: pairedSchema }),
  roster: async () => (await api.get('/staff/sign-in', { schema: staffListSchema })).staff,
  signIn: (staffId, pin) => api.post('/staff/sign-in', { body: { staffId, pin }, schema: sessionViewSchema }),
  signOut: () => api.post('/staff/sign-out', { schema: sessionViewSchema }),
  bootstrap: (name, pin) => api.post('/staff/bootstrap', { body: { name, pin }, schema: staffViewSchema }),
};
