/** The parts a kitchen screen runs (its live orders, the kitchen settings, a bump queue), for as long as it is shown. */

export interface Runs {
  start?(): void;
  stop(): void;
}

/** Start `parts` when the component mounts and stop them, in reverse, when it goes. Call while it initialises. */
export function whileMounted(...parts: Runs[]): void {
  $effect(() => {
    for (const part of parts) part.start?.();
    return () => {
      for (const part of [...parts].reverse()) part.stop();
    };
  });
}
