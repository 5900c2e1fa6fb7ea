/**
 * A schema built the first time it is used: the screens' browser build puts each of the core's
 * top-level schema declarations behind one of these (web/lazy-schemas.ts), so a module's schemas
 * cost nothing when it loads and each is built, once, when something first parses with it, refers
 * to it while being built itself, or reads it. Until then nothing is built; from then on the
 * stand-in answers exactly as the schema does (its methods, its `_zod`, `instanceof`), so every
 * check runs as it always did, only later. A schema placed inside another (`z.object({ a })`,
 * `z.array(a)`, a union's options) is built when that one first parses.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= make());
  // The target stays an empty, extensible object: every trap answers from the built schema (a
  // property it holds as non-configurable is reported configurable, which the target allows).
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}

/**
 * Run by each module the build made lazy, as it loads: counts it. Such a module's schemas no
 * longer do anything when it loads, and the bundler would then fold its small chunk into chunks
 * other screens load first (`experimentalMinChunkSize`), bringing code those screens never run
 * (the kitchen's tickets into the kiosk's first load); with this effect the chunks stay as they were.
 */
export function lazySchemaModule(): void {
  const counted = globalThis as { __tillboxLazySchemaModules?: number };
  counted.__tillboxLazySchemaModules = (counted.__tillboxLazySchemaModules ?? 0) + 1;
}
