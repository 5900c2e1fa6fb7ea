/**
 * A part of the kiosk fetched the first time it is wanted rather than with the first screen (the
 * ordering sheets and the pricing engine, another language's words), held in rune state so the
 * page shows it once it is there. Loading never throws: a failure (the store box out of reach) is
 * kept in `error` as a network {@link ApiError}, and the next `load()` tries again.
 */
import { ApiError, NETWORK_MESSAGE } from '$lib/api.js';

export class OnDemand<T> {
  /** The loaded value; undefined until it has arrived. */
  value: T | undefined = $state.raw(undefined);
  /** Why the last attempt failed; undefined while loading or once loaded. */
  error: ApiError | undefined = $state.raw(undefined);
  #pending: Promise<T | undefined> | undefined;
  readonly #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch;
  }

  /** Start loading, once (later calls share the same attempt); resolves to the value, or undefined on failure. */
  load(): Promise<T | undefined> {
    if (this.value !== undefined) return Promise.resolve(this.value);
    this.#pending ??= this.#fetch().then(
      (value) => {
        this.value = value;
        this.error = undefined;
        return value;
      },
      (cause: unknown) => {
        this.#pending = undefined;
        this.error = new ApiError('network', NETWORK_MESSAGE, { cause });
        return undefined;
      },
    );
    return this.#pending;
  }
}
