/**
 * The one error type. A `code` says what kind of failure it is; only the transport layer
 * (HTTP, stream, MQTT) turns a code into a status or a reply.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'not-found',
  'conflict',
  'forbidden',
  'unavailable',
  'too-large',
  'device-unavailable',
  'device-timeout',
  'payment-declined',
  /** Too many requests of one kind from one device in a short time: try again later (nothing changed). */
  'rate-limited',
  /** The store box's disk refused a write (full, or an I/O error): nothing was saved. */
  'storage',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** Where the problem is, e.g. `lines.0.quantity` or `http.port`. */
  path?: string;
  message: string;
}

export class TillboxError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: { details?: readonly ErrorDetail[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TillboxError';
    this.code = code;
    this.details = options.details ?? [];
  }

  toJSON(): { code: ErrorCode; message: string; details: readonly ErrorDetail[] } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isTillboxError(e: unknown): e is TillboxError {
  return e instanceof TillboxError;
}
