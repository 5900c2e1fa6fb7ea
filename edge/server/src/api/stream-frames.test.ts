/**
 * The stream's frames are built once per batch and written to every client's socket as they are:
 * `ws`'s own parser (a client's Receiver) must read them as the text messages they carry, at every
 * length the frame header encodes differently.
 */
import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import { textFrames } from './stream-hub.js';

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
      const text = 'é'.repeat(Math.floor(n / 2)) + 'x'.repeat(n % 2); // exactly n bytes of UTF-8
      expect(Buffer.byteLength(text)).toBe(n);
      const frame = textFrames([text]);
      expect(frame[0]).toBe(0x81);
      expect(frame.length).toBe(n + (n < 126 ? 2 : n < 65_536 ? 4 : 10));
      const got = await readAsClient(frame);
      expect(got).toEqual([{ text, binary: false }]);
    },
  );

  it('frames built together are read as separate messages, in order, whatever their header sizes', async () => {
    const texts = [
      '{"type":"event","seq":1}',
      `{"type":"event","seq":2,"name":"카페 라테","pad":"${'x'.repeat(300)}"}`,
      '',
      `{"type":"event","seq":3,"pad":"${'é'.repeat(40_000)}"}`,
      '{"type":"event","seq":4}',
    ];
    const got = await readAsClient(textFrames(texts));
    expect(got).toEqual(texts.map((text) => ({ text, binary: false })));
  });
});
