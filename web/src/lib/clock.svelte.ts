/**
 * A ticking "now" for timers on screen. Create it while a component initialises; it stops
 * with the component.
 */
export class Clock {
  now = $state(Date.now());

  constructor(intervalMs = 1000) {
    $effect(() => {
      const timer = setInterval(() => {
        this.now = Date.now();
      }, intervalMs);
      return () => clearInterval(timer);
    });
  }
}
