/**
 * The credential the bench's clients present to the edge. A paired device sends
 * `Authorization: Bearer <credential>` on HTTP and on the WebSocket upgrade; the demo store pairs
 * one with `POST /api/v1/pairing/demo {"role"}`. An edge without pairing (404) needs no header.
 */
import type { DeviceRole } from '../../edge/core/src/auth/actors.js';

export type RequestHeaders = Record<string, string>;

export async function edgeHeaders(url: string, role: DeviceRole): Promise<RequestHeaders> {
  const res = await fetch(`${url}/api/v1/pairing/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (res.status === 404) return {};
  if (!res.ok) throw new Error(`pairing a ${role} device failed: ${res.status} ${await res.text()}`);
  const { credential } = (await res.json()) as { credential: string };
  return { authorization: `Bearer ${credential}` };
}
