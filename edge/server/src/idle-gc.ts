/**
 * Young-generation garbage collection in the quiet moments between commits, instead of in the
 * middle of the next order.
 *
 * V8 collects its young generation (a scavenge) when it is full, which is whenever an allocation
 * finds it so: nearly always while a request, a commit or a print run is being handled, since that
 * is when the edge allocates. On the store box a scavenge pauses the event loop for 2–8 ms (it
 * copies what is still alive, 1–2.5 MB), and at 20 orders/s one fell inside about one order in a
 * hundred, on its way to the kitchen screens: the bench's p99 (docs/performance.md, 2026-11-30).
 *
 * So once the log has been quiet for {@link IdleCollectorOptions.quietMs} after a commit and the
 * young generation is more than {@link IdleCollectorOptions.fill} full, the collector runs the
 * scavenge itself (`gc({ type: 'minor' })`, which needs Node's `--expose-gc`: EDGE_NODE_FLAGS).
 * It would have come within the next few orders anyway; it now comes when nobody waits for it.
 * In a rush there is no quiet moment and V8 collects as it always does. The cost: a scavenge a
 * little earlier than needed (about one more in five), never one that was not going to happen.
 * Without `--expose-gc` (a test's process) it does nothing.
 */
import { getHeapSpaceStatistics } from 'node:v8';

export interface IdleCollectorOptions {
  /** How long after the last commit the log counts as quiet (ms). */
  quietMs?: number;
  /** How full the young generation must be (0–1) for a collection to be worth it. */
  fill?: number;
  /** Runs a young-generation collection (default: Node's `gc`, when exposed). */
  collect?: (() => void) | undefined;
  /** How full the young generation is, 0–1 (default: V8's heap statistics). */
  youngFill?: () => number;
}

/** How full V8's young generation is: used over used plus what is left before a scavenge. */
export function youngGenerationFill(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!space) return 0;
  const room = space.space_used_size + space.space_available_size;
  return room > 0 ? space.space_used_size / room : 0;
}

/** Node's `gc` as a young-generation collection, when `--expose-gc` exposed it. */
function exposedMinorGc(): (() => void) | undefined {
  const gc = globalThis.gc;
  return gc ? () => gc({ type: 'minor' }) : undefined;
}

export class IdleCollector {
  readonly #quietMs: number;
  readonly #fill: number;
  readonly #collect: (() => void) | undefined;
  readonly #youngFill: () => number;
  #last = 0;
  #timer: NodeJS.Timeout | undefined;
  #collections = 0;

  constructor(options: IdleCollectorOptions = {}) {
    this.#quietMs = options.quietMs ?? 25;
    this.#fill = options.fill ?? 0.8;
    this.#collect = 'collect' in options ? options.collect : exposedMinorGc();
    this.#youngFill = options.youngFill ?? youngGenerationFill;
  }

  /** Whether it can collect at all (Node's `gc` is exposed, or one was given). */
  get enabled(): boolean {
    return this.#collect !== undefined;
  }

  /** How many collections it has run. */
  get collections(): number {
    return this.#collections;
  }

  /** A commit: look again once the log has been quiet for `quietMs`. */
  heard(): void {
    if (!this.#collect) return;
    this.#last = performance.now();
    if (this.#timer) return; // one timer at a time: it looks at the last commit when it fires
    this.#arm(this.#quietMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(ms: number): void {
    this.#timer = setTimeout(() => this.#check(), ms);
    this.#timer.unref();
  }

  #check(): void {
    this.#timer = undefined;
    const quietFor = performance.now() - this.#last;
    if (quietFor < this.#quietMs) return this.#arm(this.#quietMs - quietFor);
    if (this.#youngFill() <= this.#fill) return;
    this.#collections += 1;
    this.#collect?.();
  }
}
