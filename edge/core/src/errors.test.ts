import { describe, expect, it } from 'vitest';
import { isTillboxError, TillboxError } from './errors.js';

describe('TillboxError', () => {
  it('carries a code, details and cause', () => {
    const cause = new Error('disk full');
    const e = new TillboxError('validation', 'quantity must be at least 1', {
      details: [{ path: 'lines.0.quantity', message: 'quantity must be at least 1' }],
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('TillboxError');
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([{ path: 'lines.0.quantity', message: 'quantity must be at least 1' }]);
    expect(e.cause).toBe(cause);
  });

  it('has no details and no cause unless given', () => {
    const e = new TillboxError('not-found', 'no order 42');
    expect(e.details).toEqual([]);
    expect('cause' in e).toBe(false);
  });

  it('serialises to what a user may see: code, message and details, never the stack or cause', () => {
    const e = new TillboxError('conflict', 'cannot bump an order that is ready', {
      details: [{ path: 'status', message: 'expected in the kitchen' }],
      cause: new Error('internal detail'),
    });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      code: 'conflict',
      message: 'cannot bump an order that is ready',
      details: [{ path: 'status', message: 'expected in the kitchen' }],
    });
  });

  it('is recognised by isTillboxError, unlike other errors', () => {
    expect(isTillboxError(new TillboxError('internal', 'x'))).toBe(true);
    expect(isTillboxError(new Error('x'))).toBe(false);
    expect(isTillboxError({ code: 'validation', message: 'x', details: [] })).toBe(false);
  });
});
