import type { CareerError } from '../../core/errors';

export class RecapValidationError extends Error {
  constructor(readonly problems: CareerError[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'RecapValidationError';
  }
}
