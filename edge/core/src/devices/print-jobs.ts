/**
 * Print jobs: what the store box has to print (a kitchen ticket, a receipt, a drawer kick, a
 * test slip), written in the transaction of the command that made it and carried out after.
 */

/** `ticket`: a station's kitchen ticket; `receipt`: a guest's receipt; `kick`: a cash drawer pulse; `test`: a test slip. */
export const PRINT_JOB_KINDS = ['ticket', 'receipt', 'kick', 'test'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

/**
 * - `queued`: waiting for its printer (also after a failed attempt, until the next one is due);
 * - `printing`: its bytes are on the way to the printer;
 * - `printed`: the printer took all of it;
 * - `unconfirmed`: the store box stopped while sending it, so it may or may not have printed —
 *   never sent again by itself (no double print); staff reprint it if it is missing;
 * - `expired`: a drawer kick not done in time (a drawer must not fly open minutes later);
 * - `failed`: it cannot be printed (its printer is not in the profile any more, the order is gone);
 * - `cancelled`: staff called it off.
 */
export const PRINT_JOB_STATES = [
  'queued',
  'printing',
  'printed',
  'unconfirmed',
  'expired',
  'failed',
  'cancelled',
] as const;
export type PrintJobState = (typeof PRINT_JOB_STATES)[number];

/** States a job does not leave by itself. */
export const FINAL_PRINT_JOB_STATES: readonly PrintJobState[] = [
  'printed',
  'unconfirmed',
  'expired',
  'failed',
  'cancelled',
];

/** A device's state as the hub sees it. */
export const DEVICE_STATES = ['ready', 'offline', 'paper-out', 'cover-open', 'error'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];
