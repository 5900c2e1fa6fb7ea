/**
 * The cloud's copy of a store's log, read back for the store itself (`events.since` on `rpc/req`):
 * what restores a store box whose database lost its tail (docs/reliability.md, "A store box
 * restored from an older copy"). A page holds only events up to the store's contiguous head
 * (`last_seq`: no gap below it), in seq order, as the store first sent them, and stays under the
 * `rpc/res` topic's byte limit.
 */
import { MAX_EVENTS_PAGE, RELAY_TOPICS, type RelayEvent, type RpcResult } from '@tillbox/core';
import type { IngestRepository, StoreEventRow } from '../ingest/ingest-repository.js';
import type { StoreRepository } from '../stores/store-repository.js';

/** Room left in an `rpc/res` message for its envelope (id, ok, lastSeq). */
const ENVELOPE_BYTES = 4 * 1024;

export class StoreLog {
  constructor(
    private readonly ctx: {
      stores: Pick<StoreRepository, 'find'>;
      events: Pick<IngestRepository, 'eventsSince'>;
      /** Bytes a page may take (default: the `rpc/res` limit less room for the envelope). */
      maxBytes?: number;
    },
  ) {}

  /** The store's events after `afterSeq` up to its contiguous head, at most `limit` and the byte budget (at least one). */
  async page(storeId: string, afterSeq: number, limit: number): Promise<RpcResult<'events.since'>> {
    const lastSeq = (await this.ctx.stores.find(storeId))?.lastSeq ?? 0;
    if (afterSeq >= lastSeq) return { lastSeq, events: [] };
    const want = Math.min(limit, MAX_EVENTS_PAGE, lastSeq - afterSeq);
    const rows = await this.ctx.events.eventsSince(storeId, afterSeq, want);
    const budget = this.ctx.maxBytes ?? RELAY_TOPICS['rpc/res'].maxBytes - ENVELOPE_BYTES;
    const events: RelayEvent[] = [];
    let bytes = 0;
    let expected = afterSeq + 1;
    for (const row of rows) {
      if (row.seq !== expected || row.seq > lastSeq) break;
      const event = relayEventOf(row);
      bytes += Buffer.byteLength(JSON.stringify(event)) + 1;
      if (events.length > 0 && bytes > budget) break;
      events.push(event);
      expected += 1;
    }
    return { lastSeq, events };
  }
}

/** A stored event as the store sent it on `events`. */
export function relayEventOf(row: StoreEventRow): RelayEvent {
  return {
    storeId: row.storeId,
    seq: row.seq,
    id: row.id,
    type: row.type,
    version: row.version,
    subject: row.subject,
    at: row.at.toISOString(),
    actor: row.actor as RelayEvent['actor'],
    device: row.device,
    data: row.data,
  };
}
