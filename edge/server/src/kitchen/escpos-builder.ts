/**
 * node-thermal-printer's command builder, with no printer attached (see escpos-render.ts), made to
 * gather its bytes instead of copying them at every command.
 *
 * The library keeps one buffer and replaces it by a copy of itself plus the new bytes at each
 * command (`Buffer.concat([this.buffer, text])`), and encodes a string one character at a time, a
 * copy per character again: a kitchen ticket cost ~320 KB of garbage (a receipt more), most of what
 * an order allocates, and the young-generation collections that pause the event loop came that much
 * sooner. Here each command's bytes are kept as they come and joined once by `getBuffer()`. A string
 * of ASCII (the usual case) is one buffer; one with other characters goes through the library's own
 * encoding, which may switch the code page, so the bytes are exactly the library's
 * (escpos-builder.test.ts renders the same documents both ways).
 */
import { ThermalPrinter } from 'node-thermal-printer';

/** The library's constructor without an interface: a pure command builder (lib/core.js). */
export type BuilderConfig = Omit<ConstructorParameters<typeof ThermalPrinter>[0], 'interface'>;

/** What the subclass reaches of the library's instance that its typings leave out. */
interface LibraryInternals {
  buffer: Buffer | null;
  append(text: string | Buffer | null | undefined): void;
}

const Library = ThermalPrinter as unknown as new (config: BuilderConfig) => ThermalPrinter & LibraryInternals;

export class EscPosBuilder extends Library {
  #chunks: Buffer[] = [];

  /** A command's bytes, or text; nothing (what Star's unimplemented commands give) adds nothing. */
  override append(text: string | Buffer | null | undefined): void {
    if (typeof text !== 'string') {
      if (text && text.length > 0) this.#chunks.push(text);
    } else if (Buffer.byteLength(text) === text.length) {
      // ASCII only (each character one byte in UTF-8): the library would copy it byte by byte.
      if (text.length > 0) this.#chunks.push(Buffer.from(text, 'latin1'));
    } else {
      // The library's encoding, on its own: what it appends is this string's bytes.
      this.buffer = null;
      super.append(text);
      if (this.buffer) this.#chunks.push(this.buffer);
      this.buffer = null;
    }
  }

  override getBuffer(): Buffer {
    return Buffer.concat(this.#chunks);
  }

  override getText(): string {
    return this.getBuffer().toString();
  }

  override setBuffer(newBuffer: Buffer): void {
    this.#chunks = [Buffer.from(newBuffer)];
  }

  override clear(): void {
    this.#chunks = [];
    super.clear();
  }
}
