/**
 * Seeded faults: on a `faultRate` share of Graph requests (in arrival order, so a fixed sequence of
 * requests meets the same faults for the same seed), answer 429, 500, 503, 504, or hang then drop the socket.
 */
import { mulberry32 } from './seeded-random';

export type FaultKind =
  'too-many-requests' | 'internal-error' | 'service-unavailable' | 'gateway-timeout' | 'timeout';

export const ALL_FAULT_KINDS: readonly FaultKind[] = [
  'too-many-requests',
  'internal-error',
  'service-unavailable',
  'gateway-timeout',
  'timeout',
];

export interface FaultAnswer {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

export const FAULT_ANSWERS: Record<Exclude<FaultKind, 'timeout'>, FaultAnswer> = {
  'too-many-requests': {
    status: 429,
    code: 'TooManyRequests',
    message: 'Too many requests. Retry after the time in the Retry-After header.',
    headers: { 'Retry-After': '1' },
  },
  'internal-error': {
    status: 500,
    code: 'generalException',
    message: 'An internal server error occurred.',
    headers: {},
  },
  'service-unavailable': {
    status: 503,
    code: 'serviceNotAvailable',
    message: 'The service is temporarily unavailable.',
    headers: {},
  },
  'gateway-timeout': { status: 504, code: 'GatewayTimeout', message: 'The gateway timed out.', headers: {} },
};

export class FaultInjector {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly rate: number,
    private readonly kinds: readonly FaultKind[],
  ) {
    if (!Number.isFinite(rate) || rate < 0 || rate > 1)
      throw new RangeError(`faultRate must be between 0 and 1, got ${rate}.`);
    if (rate > 0 && kinds.length === 0)
      throw new RangeError('faultKinds must name at least one kind of fault.');
    this.random = mulberry32(seed);
  }

  /** The fault for the next Graph request, or `null`. */
  next(): FaultKind | null {
    if (this.rate === 0) return null;
    if (this.random() >= this.rate) return null;
    return this.kinds[Math.floor(this.random() * this.kinds.length)] ?? null;
  }
}
