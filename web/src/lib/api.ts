/**
 * The one way the screens talk HTTP to the edge. Every failure becomes an {@link ApiError}
 * with a message a person can act on; every answer is parsed by the schema from
 * `@tillbox/core` before it is used.
 */
import { errorBodySchema, type ErrorDetail } from '@tillbox/core';

/** The part of a zod schema this module uses (keeps zod itself a dependency of the core only). */
export interface Schema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export type ApiErrorKind =
  /** The request never got an answer: the edge or the network is away. Safe to retry idempotent calls. */
  | 'network'
  /** The edge answered with an error body (validation, conflict, not-found, ...). */
  | 'rejected'
  /** The edge answered something this screen cannot read. */
  | 'bad-response';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** The edge's error code (`validation`, `conflict`, ...) or the kind when there is none. */
  readonly code: string;
  readonly status: number;
  readonly details: readonly ErrorDetail[];

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { code?: string; status?: number; details?: readonly ErrorDetail[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.code = options.code ?? kind;
    this.status = options.status ?? 0;
    this.details = options.details ?? [];
  }

  /** True when the outcome is unknown and the same idempotent request may be sent again. */
  get retryable(): boolean {
    return this.kind === 'network' || this.status >= 500;
  }
}

export const NETWORK_MESSAGE = 'Cannot reach the store system. Check the network connection.';

async function readError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError('rejected', message, { code, status: res.status, details });
  }
  const message =
    res.status >= 500
      ? `The store system had a problem (HTTP ${res.status}). Please try again.`
      : `The request was refused (HTTP ${res.status}).`;
  return new ApiError(res.status >= 500 ? 'bad-response' : 'rejected', message, { status: res.status });
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  schema: Schema<T>,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', NETWORK_MESSAGE, { cause });
  }
  if (!res.ok) throw await readError(res);
  let json: unknown;
  try {
    json = await res.json();
  } catch (cause) {
    throw new ApiError('bad-response', 'The store system sent an answer this screen cannot read.', {
      status: res.status,
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError('bad-response', 'The store system sent an answer this screen cannot read.', {
      status: res.status,
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

export function apiGet<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return request('GET', path, schema, undefined, signal);
}

export function apiPost<T>(path: string, body: unknown, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return request('POST', path, schema, body, signal);
}

/** Anything thrown, as a message to show. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}
