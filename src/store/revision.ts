import { randomBytes } from 'node:crypto';

/** 72 random bits drawn once per process (so two processes on the same file never repeat each other). */
const processNonce = randomBytes(9).toString('base64url');
let counter = 0;

/**
 * A fresh opaque document revision for the embedded adapters: a per-process counter (so one process never
 * repeats itself) after the process's random nonce (so two processes on the same file do not either).
 */
export function newRevision(): string {
  counter += 1;
  return `${counter.toString(36)}-${processNonce}`;
}
