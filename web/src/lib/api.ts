/**
 * The one way the screens talk HTTP to the edge. Every failure becomes an {@link ApiError}
 * with a message a person can act on; every answer is parsed by the schema from
 * `@tillbox/core` before it is used.
 */
import { errorBodySchema, type DeviceRole, type ErrorDetail } from '@tillbox/core';
import type { paths } from './api-types.js';

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

/** The device roles a screen can be (the core's `DeviceRole`s that have a screen). */
export type ScreenRole = Exclude<DeviceRole, 'relay'>;

let role: ScreenRole | undefined;

/**
 * Says which screen this is, once, before it talks to the edge: every request then carries
 * `x-tillbox-screen: <role>`, which picks the device credential (cookie) the edge checks.
 */
export function setScreenRole(next: ScreenRole): void {
  role = next;
}

/** The role set by {@link setScreenRole}, e.g. for the stream's `?screen=` parameter. */
export function screenRole(): ScreenRole | undefined {
  return role;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const unauthenticatedListeners = new Set<(error: ApiError) => void>();

/**
 * Hear every 401 of any call of this screen (its device was revoked, its staff member was signed
 * out on idle), so the screen's gate can bring back the pairing or sign-in panel. Returns the
 * function that stops listening.
 */
export function onUnauthenticated(listener: (error: ApiError) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

async function request<T>(
  method: Method,
  url: string,
  schema: Schema<T>,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (role) headers['x-tillbox-screen'] = role;
  // The edge refuses a state-changing request that is not labelled JSON, even with no body.
  if (method !== 'GET') headers['content-type'] = 'application/json';
  const init: RequestInit = { method, headers };
  if (signal) init.signal = signal;
  if (body !== undefined) init.body = JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', NETWORK_MESSAGE, { cause });
  }
  if (!res.ok) {
    const error = await readError(res);
    // The session check's own 401 is its answer ("not paired"), not news to re-check on.
    if (res.status === 401 && !url.endsWith(`${API_PREFIX}/session`))
      for (const listener of unauthenticatedListeners) listener(error);
    throw error;
  }
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

/** Where the edge's API lives; the document's paths start with it. */
export const API_PREFIX = '/api/v1';
type Prefix = typeof API_PREFIX;
type Verb = 'get' | 'post' | 'put' | 'delete';

/** The operation `verb` of the document's path `/api/v1{P}`. */
type Operation<P extends string, V extends Verb> = `${Prefix}${P}` extends keyof paths
  ? NonNullable<paths[`${Prefix}${P}`][V]>
  : never;

/** The API's paths (without the prefix) that answer `verb`, e.g. `/orders/{id}/pay` for 'post'. */
export type ApiPath<V extends Verb> = {
  [K in keyof paths]: K extends `${Prefix}${infer P}` ? ([Operation<P, V>] extends [never] ? never : P) : never;
}[keyof paths];

type JsonContent<C> = C extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = { [S in keyof R]: S extends 200 | 201 | 202 ? JsonContent<R[S]> : never }[keyof R];

/** What the document says operation `O` answers when it succeeds. */
export type ApiAnswer<O> = O extends { responses: infer R } ? Success<R> : never;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? X : never;
type RequestBody<O> = O extends { requestBody: infer B } ? JsonContent<B> : never;

/** Present when the operation has it (`params`, `query`, `body`), forbidden when it has not. */
type Part<K extends string, X, Required extends boolean> = [X] extends [never]
  ? { [_ in K]?: never }
  : Required extends true
    ? { [_ in K]: X }
    : { [_ in K]?: X };

/**
 * A call's arguments, typed from the OpenAPI document: the path parameters, query and body the
 * operation takes, and the core's zod schema that parses the answer (whose type must fit the
 * answer the document describes, so a schema that no longer matches the edge does not compile).
 */
export type CallOptions<O, T> = Part<'params', PathParams<O>, true> &
  Part<'query', QueryParams<O>, false> &
  Part<'body', RequestBody<O>, true> & {
    schema: Schema<T>;
    signal?: AbortSignal;
  };

/** `/orders/{id}/pay` with `{id: 'a/b'}` → `/api/v1/orders/a%2Fb/pay`, plus the query string. */
export function apiUrl(path: string, params?: Record<string, string | number>, query?: object): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as [string, unknown][]) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const qs = search.toString();
  return API_PREFIX + filled + (qs ? `?${qs}` : '');
}

function call<T>(method: Method, path: string, options: { [key: string]: unknown }): Promise<T> {
  const { params, query, body, schema, signal } = options as {
    params?: Record<string, string | number>;
    query?: object;
    body?: unknown;
    schema: Schema<T>;
    signal?: AbortSignal;
  };
  return request(method, apiUrl(path, params, query), schema, body, signal);
}

/**
 * The edge's API, typed from its OpenAPI document (web/src/lib/api-types.ts, made by
 * `npm run api:types`): `api.post('/orders/{id}/pay', {params: {id}, body: {method: 'card'},
 * schema: orderViewSchema})`. The path must be one of the document's; params, query and body
 * must be what it says; the answer is parsed by the given schema.
 */
export const api = {
  get: <P extends ApiPath<'get'>, T extends ApiAnswer<Operation<P, 'get'>>>(
    path: P,
    options: CallOptions<Operation<P, 'get'>, T>,
  ): Promise<T> => call('GET', path, options),
  post: <P extends ApiPath<'post'>, T extends ApiAnswer<Operation<P, 'post'>>>(
    path: P,
    options: CallOptions<Operation<P, 'post'>, T>,
  ): Promise<T> => call('POST', path, options),
  put: <P extends ApiPath<'put'>, T extends ApiAnswer<Operation<P, 'put'>>>(
    path: P,
    options: CallOptions<Operation<P, 'put'>, T>,
  ): Promise<T> => call('PUT', path, options),
  delete: <P extends ApiPath<'delete'>, T extends ApiAnswer<Operation<P, 'delete'>>>(
    path: P,
    options: CallOptions<Operation<P, 'delete'>, T>,
  ): Promise<T> => call('DELETE', path, options),
};

/** An untyped GET of a full URL (`/api/v1/...`); prefer {@link api}. */
export function apiGet<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return request('GET', path, schema, undefined, signal);
}

/** An untyped POST of a full URL (`/api/v1/...`); prefer {@link api}. */
export function apiPost<T>(path: string, body: unknown, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return request('POST', path, schema, body, signal);
}

/** Anything thrown, as a message to show. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}
