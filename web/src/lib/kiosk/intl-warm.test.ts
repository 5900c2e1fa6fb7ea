/** The kiosk's date and number data loaded in a worker as it starts (intl-warm.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshWarmIntl(): Promise<() => void> {
  vi.resetModules();
  return (await import('./intl-warm.js')).warmIntl;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('warmIntl', () => {
  it('starts one worker running intl-warm-worker, however often it is called', async () => {
    const started: string[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: URL) {
          started.push(url.pathname);
        }
      },
    );
    const warmIntl = await freshWarmIntl();
    warmIntl();
    warmIntl();
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/\/intl-warm-worker\.ts$/);
  });

  it('does nothing, and does not throw, where there are no workers or one cannot start', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await freshWarmIntl().then((warm) => warm())).toBeUndefined();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('refused', 'SecurityError');
        }
      },
    );
    const warmIntl = await freshWarmIntl();
    expect(() => warmIntl()).not.toThrow();
  });
});
