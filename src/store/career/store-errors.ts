import { CareerError } from '../../core';

/** A save refused because the record changed since it was read: reload and try again. Code `conflict`. */
export class StoreConflictError extends CareerError {
  constructor(
    readonly record: 'agenda' | 'recap',
    readonly recordId: string,
    message: string,
  ) {
    super({ code: 'conflict', message });
    this.name = 'StoreConflictError';
  }
}
