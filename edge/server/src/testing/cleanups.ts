/**
 * For tests: what a test opened (temp folders, databases, consumers) closed after it, the last
 * opened first. Call once in a `describe`; answers the function that registers a cleanup.
 */
import { afterEach } from 'vitest';

export function cleanupAfterEach(): (cleanup: () => void) => void {
  const cleanups: (() => void)[] = [];
  afterEach(() =>
    cleanups
      .splice(0)
      .reverse()
      .forEach((c) => c()),
  );
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
