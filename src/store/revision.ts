import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * A fresh opaque document revision for the embedded adapters: a per-process counter (so one process never
 * repeats itself) and 72 random bits (so two processes on the same file do not either).
 */
export function newRevision(): string {
  counter += 1;
  return `${counter.toString(36)}-${randomBytes(9).toString('base64url')}`;
}
