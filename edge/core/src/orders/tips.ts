/**
 * Cash tips declared by staff (card tips ride on their payments): a staff member declares their
 * own; a shift lead or above may declare them for someone else. Tips are not sales.
 */
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import type { DomainEvent } from '../events/catalogue.js';

/** The most one declaration holds, minor units. */
export const MAX_DECLARED_TIPS = 10_000_000;

const FOR_OTHERS: readonly string[] = ['shift-lead', 'manager', 'admin'];

export function decideTipDeclaration(
  cmd: CommandContext,
  request: { staffId?: string | undefined; amount: number },
  at: { declarationId: string; currency: string; businessDay: string },
): DomainEvent<'tips.declared'> {
  const { actor } = cmd;
  if (actor.kind !== 'staff') throw new TillboxError('forbidden', 'only staff declare tips');
  const staffId = request.staffId ?? actor.id;
  if (staffId !== actor.id && !FOR_OTHERS.includes(actor.role))
    throw new TillboxError(
      'forbidden',
      'a cashier declares their own tips: a shift lead declares them for someone else',
    );
  const { amount } = request;
  if (!Number.isSafeInteger(amount) || amount < 1 || amount > MAX_DECLARED_TIPS)
    throw new TillboxError('validation', `declared tips are between 1 and ${MAX_DECLARED_TIPS} minor units`, {
      details: [{ path: 'amount', message: 'whole minor units, more than 0' }],
    });
  return {
    type: 'tips.declared',
    data: { declarationId: at.declarationId, staffId, amount, currency: at.currency, businessDay: at.businessDay },
  };
}
