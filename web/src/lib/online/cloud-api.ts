/**
 * The guest's page talks to the cloud relay's online ordering API (`/api/v1` on the address the
 * page came from: the cloud relay serves the page beside its API). Every answer is parsed by the
 * core's schema for it; every failure is an {@link ApiError} with a message a guest can act on
 * (the cloud's errors have the edge's shape, so the screens' one error display shows them).
 */
import { errorBodySchema } from '@tillbox/core';
import { ApiError, type Schema } from '$lib/api.js';

export const CLOUD_NETWORK_MESSAGE = 'Cannot reach the online ordering service. Check your connection and try again.';

/** A GET or POST of `/api/v1{path}`, its answer parsed by `schema`. */
export async function cloudCall<T>(
  method: 'GET' | 'POST',
  path: string,
  schema: Schema<T>,
  body?: unknown,
  fetcher: typeof fetch = fetch,
): Promise<T> {
  let res: Response;
  try {
    res = await fetcher(`/api/v1${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError('network', CLOUD_NETWORK_MESSAGE, { cause });
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch (cause) {
    throw new ApiError(
      'bad-response',
      `The online ordering service sent an answer this page cannot read (HTTP ${res.status}).`,
      {
        status: res.status,
        cause,
      },
    );
  }
  if (!res.ok) {
    const error = errorBodySchema.safeParse(json);
    if (error.success) {
      const { code, message, details } = error.data.error;
      throw new ApiError('rejected', message, { code, status: res.status, details });
    }
    throw new ApiError(
      res.status >= 500 ? 'bad-response' : 'rejected',
      `The request was refused (HTTP ${res.status}).`,
      {
        status: res.status,
      },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiError('bad-response', 'The online ordering service sent an answer this page cannot read.', {
      status: res.status,
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  return parsed.data;
}

/** A path segment, encoded. */
export const seg = (value: string): string => encodeURIComponent(value);
