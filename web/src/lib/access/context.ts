/** The screen's session, for the components inside its `ScreenGate`. */
import { getContext, setContext } from 'svelte';
import type { ScreenSession } from './screen-session.svelte.js';

const KEY = Symbol('tillbox.screen-session');

export function setScreenSession(session: ScreenSession): void {
  setContext(KEY, session);
}

/** The session of the `ScreenGate` this component is inside, if any. */
export function getScreenSession(): ScreenSession | undefined {
  return getContext<ScreenSession | undefined>(KEY);
}
