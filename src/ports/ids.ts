import { randomUUID } from 'node:crypto';

/** Where new record ids come from: random in production, predictable in tests. */
export interface IdSource {
  next(): string;
}

export const randomIds: IdSource = { next: () => randomUUID() };

export class SequentialIds implements IdSource {
  private n = 0;
  constructor(private readonly prefix = 'id') {}
  next(): string {
    this.n += 1;
    return `${this.prefix}${String(this.n).padStart(4, '0')}`;
  }
}
