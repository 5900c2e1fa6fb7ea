/** The relay as the admin API shows it (`GET /api/v1/relay`). */
import { z } from 'zod';
import { relayStateSchema } from './payloads.js';

export const relayStatusSchema = z.object({
  enabled: z.boolean().describe('A broker is configured (relay.url, or the embedded broker)'),
  connected: z.boolean(),
  broker: z.string().describe('The broker URL, without credentials'),
  state: relayStateSchema.describe(
    'As on the retained state topic: events not yet relayed, the configuration version active by kind',
  ),
  cloudLog: z
    .object({
      kind: z
        .enum(['in-step', 'restored', 'conflict', 'refused', 'unknown'])
        .describe(
          'in-step: the log agrees with the cloud’s copy; restored: events it lacked were restored from it; ' +
            'conflict: other events at the same seqs (events are no longer sent); refused: the cloud’s answer was ' +
            'refused; unknown: the cloud could not be asked yet',
        ),
      cloudSeq: z.int().optional().describe('The cloud’s contiguous head for this store'),
      count: z.int().optional().describe('Events restored, or events that differ'),
      fromSeq: z.int().optional(),
      toSeq: z.int().optional(),
      reason: z.string().optional(),
    })
    .optional()
    .describe(
      'The last check of the store’s log against the cloud’s copy, since the edge started (docs/reliability.md)',
    ),
});
export type RelayStatus = z.infer<typeof relayStatusSchema>;
