import { describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';
import { OnDemand } from './on-demand.svelte.js';

describe('OnDemand', () => {
  it('fetches once however often it is wanted, and keeps the value', async () => {
    const fetch = vi.fn(() => Promise.resolve({ sheets: 'loaded' }));
    const part = new OnDemand(fetch);
    expect(part.value).toBeUndefined();
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toEqual({ sheets: 'loaded' });
    expect(b).toBe(a);
    expect(part.value).toBe(a);
    expect(await part.load()).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a failed fetch says the store box is out of reach, and the next load tries again', async () => {
    const fetch = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce('es');
    const part = new OnDemand(fetch);
    expect(await part.load()).toBeUndefined();
    expect(part.value).toBeUndefined();
    expect(part.error).toBeInstanceOf(ApiError);
    expect(part.error?.message).toBe(NETWORK_MESSAGE);
    expect(part.error?.retryable).toBe(true);
    expect(await part.load()).toBe('es');
    expect(part.error).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
