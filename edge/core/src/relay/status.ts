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
});
export type RelayStatus = z.infer<typeof relayStatusSchema>;
