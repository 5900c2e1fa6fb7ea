/**
 * The stream's frames are built once per batch and written to every client's socket as they are:
 * `ws`'s own parser (a client's Receiver) must read them as the text messages they carry, at every
 * length the frame header encodes differently.
 */
import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import { textFrame } from './stream-hub.js';

/** ws's frame parser, as a client uses it (exported by ws, not declared by its types). */
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => Writable;
};

function readAsClient(bytes: Buffer): Promise<{ text: string; binary: boolean }[]> {
  return new Promise((resolve, reject) => {
    const got: { text: string; binary: boolean }[] = [];
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on('message', (data: Buffer, binary: boolean) => got.push({ text: data.toString('utf8'), binary }));
    receiver.on('error', reject);
    receiver.write(bytes, () => resolve(got));
  });
}

describe('stream frames', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])(
    'a %i-byte payload is one final text frame ws reads back',
    async (n) => {
      const payload = Buffer.from('é'.repeat(Math.floor(n / 2)) + 'x'.repeat(n % 2)); // exactly n bytes of UTF-8
      expect(payload.length).toBe(n);
      const frame = textFrame(payload);
      expect(frame[0]).toBe(0x81);
      const got = await readAsClient(frame);
      expect(got).toEqual([{ text: payload.toString('utf8'), binary: false }]);
    },
  );

  it('frames written one after another are read as separate messages, in order', async () => {
    const a = Buffer.from('{"type":"event","seq":1}');
    const b = Buffer.from(`{"type":"event","seq":2,"pad":"${'x'.repeat(300)}"}`);
    const got = await readAsClient(Buffer.concat([textFrame(a), textFrame(b)]));
    expect(got.map((m) => m.text)).toEqual([a.toString(), b.toString()]);
  });
});
