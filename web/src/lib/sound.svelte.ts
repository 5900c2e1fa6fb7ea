/**
 * Short cues made with WebAudio (no audio files): a beep for a new kitchen ticket and a
 * two-note chime for an order that is ready. Browsers start audio suspended until someone
 * touches the page; the cue is then skipped, never queued. The store's kiosk browsers are
 * launched with autoplay allowed.
 */

export type Cue = 'ticket' | 'ready';

const NOTES: Readonly<Record<Cue, readonly { hz: number; at: number; length: number }[]>> = {
  ticket: [
    { hz: 880, at: 0, length: 0.12 },
    { hz: 880, at: 0.16, length: 0.12 },
  ],
  ready: [
    { hz: 659.25, at: 0, length: 0.35 },
    { hz: 1046.5, at: 0.22, length: 0.6 },
  ],
};

export class Sounds {
  /** Whether cues play; remembered on this device under `storageKey`. */
  enabled = $state(true);
  /** How many cues were asked for while enabled (shown to tests as a data attribute). */
  played = $state(0);
  #context: AudioContext | undefined;
  readonly #storageKey: string;

  constructor(storageKey: string) {
    this.#storageKey = storageKey;
    try {
      this.enabled = localStorage.getItem(storageKey) !== 'off';
    } catch {
      // storage unavailable: keep the default
    }
  }

  toggle(): void {
    this.enabled = !this.enabled;
    try {
      localStorage.setItem(this.#storageKey, this.enabled ? 'on' : 'off');
    } catch {
      // not remembered, still toggled
    }
    if (this.enabled) this.unlock();
  }

  play(cue: Cue): void {
    if (!this.enabled) return;
    this.played += 1;
    const ctx = this.unlock();
    if (!ctx || ctx.state !== 'running') return;
    const start = ctx.currentTime + 0.01;
    for (const note of NOTES[cue]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = note.hz;
      gain.gain.setValueAtTime(0.0001, start + note.at);
      gain.gain.exponentialRampToValueAtTime(0.3, start + note.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + note.length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + note.at);
      osc.stop(start + note.at + note.length + 0.05);
    }
  }

  /** Create or resume the audio context (works once the page has had a user gesture). */
  unlock(): AudioContext | undefined {
    if (typeof AudioContext === 'undefined') return undefined;
    this.#context ??= new AudioContext();
    if (this.#context.state === 'suspended') void this.#context.resume().catch(() => undefined);
    return this.#context;
  }

  close(): void {
    void this.#context?.close().catch(() => undefined);
    this.#context = undefined;
  }
}
