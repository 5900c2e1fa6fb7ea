/**
 * What happens to a print job after a failed attempt: it waits (the retry delay doubles from
 * `retryMs` up to `maxRetryMs`), and after `rerouteAfter` failures on its printer it moves to the
 * printer's backup once, at once. A rerouted job stays on the backup (it never bounces back and
 * forth); staff can reprint it anywhere.
 */
import type { JobRetry } from './print-job-repository.js';

export interface RetryPolicy {
  readonly retryMs: number;
  readonly maxRetryMs: number;
  readonly rerouteAfter: number;
}

export interface FailedJob {
  readonly deviceId: string;
  readonly reroutedFrom: string | null;
  readonly attempts: number;
  readonly deviceAttempts: number;
}

/** Delay before attempt `n + 1` after `n` failures on one printer. */
export function retryDelay(failures: number, policy: Pick<RetryPolicy, 'retryMs' | 'maxRetryMs'>): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(policy.retryMs * 2 ** exponent, policy.maxRetryMs);
}

export function afterFailure(
  job: FailedJob,
  backup: string | undefined,
  policy: RetryPolicy,
  error: string,
  now: number,
): JobRetry {
  const deviceAttempts = job.deviceAttempts + 1;
  const common = { attempts: job.attempts, lastError: error, at: now };
  if (deviceAttempts >= policy.rerouteAfter && job.reroutedFrom === null && backup && backup !== job.deviceId)
    return { ...common, deviceId: backup, reroutedFrom: job.deviceId, deviceAttempts: 0, nextAttemptAt: now };
  return {
    ...common,
    deviceId: job.deviceId,
    reroutedFrom: job.reroutedFrom,
    deviceAttempts,
    nextAttemptAt: now + retryDelay(deviceAttempts, policy),
  };
}
