/**
 * The edge's pairing and sign-in calls, as the screens make them. Every answer is parsed by the
 * core's schema. These paths are not in the generated api-types yet, so they go through the
 * untyped helpers of `$lib/api.js` (which still send the screen's role and parse the answer).
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
import { API_PREFIX, apiGet, apiPost, type ScreenRole } from '$lib/api.js';

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
  mode: () => apiGet(`${API_PREFIX}/pairing/mode`, pairingModeSchema),
  session: () => apiGet(`${API_PREFIX}/session`, sessionViewSchema),
  claim: (code) => apiPost(`${API_PREFIX}/pairing/claim`, { code }, pairedSchema),
  pairDemo: (role) => apiPost(`${API_PREFIX}/pairing/demo`, { role }, pairedSchema),
  roster: async () => (await apiGet(`${API_PREFIX}/staff/sign-in`, staffListSchema)).staff,
  signIn: (staffId, pin) => apiPost(`${API_PREFIX}/staff/sign-in`, { staffId, pin }, sessionViewSchema),
  signOut: () => apiPost(`${API_PREFIX}/staff/sign-out`, {}, sessionViewSchema),
  bootstrap: (name, pin) => apiPost(`${API_PREFIX}/staff/bootstrap`, { name, pin }, staffViewSchema),
};
