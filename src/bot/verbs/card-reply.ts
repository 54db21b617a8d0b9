import type { AdaptiveCard } from '../../cards/adaptive-card';
import { CareerError } from '../../core/errors';

/** How a card action is answered: a card that replaces the one clicked, or a refusal. */
export type CardReply =
  | { kind: 'card'; card: AdaptiveCard }
  | { kind: 'refusal'; status: 400 | 403 | 404 | 500; code: string; message: string };

export function cardReply(card: AdaptiveCard): CardReply {
  return { kind: 'card', card };
}

export function refusal(status: 400 | 403 | 404 | 500, code: string, message: string): CardReply {
  return { kind: 'refusal', status, code, message };
}

const FORBIDDEN = new Set([
  'forbidden',
  'recap.not_author',
  'recap.not_recipient',
  'agenda.not_author',
  'action.not_owner',
]);
const MISSING = new Set(['not_found', 'action.not_found']);

/** A product refusal the verb did not turn into a card: 403 for someone else's record, 404 for a missing one. */
export function refusalFor(error: CareerError): CardReply {
  if (FORBIDDEN.has(error.code)) return refusal(403, error.code, error.message);
  if (MISSING.has(error.code)) return refusal(404, error.code, error.message);
  return refusal(400, error.code, error.message);
}

/** True for a CareerError with one of these codes. */
export function isCareerError(error: unknown, ...codes: string[]): error is CareerError {
  return error instanceof CareerError && (codes.length === 0 || codes.includes(error.code));
}
