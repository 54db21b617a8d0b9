/**
 * Opaque `$skiptoken` / `$deltatoken` values for calendarView delta. They are stateless (nothing is kept
 * per client, which matters at 10,000 mailboxes) but signed with the emulator's secret and a generation:
 * `expireAll()` bumps the generation, so every earlier token answers 410 `syncStateNotFound`, as do
 * tampered, unknown and expired ones.
 */
import { mixPair } from './seeded-random';

export interface DeltaPosition {
  kind: 'page' | 'delta';
  mailbox: number;
  fromMs: number;
  toMs: number;
  /** Changes numbered above this are reported; -1 = a full listing (the initial round). */
  after: number;
  /** Changes up to this number are covered by the round. */
  upTo: number;
  /** Items of the round already sent (pages). */
  offset: number;
  issuedMs: number;
}

const FIELDS = 8;

export class DeltaTokens {
  private generation = 1;

  constructor(
    private readonly secret: number,
    private readonly lifetimeMs: number,
  ) {}

  /** Forgets every token issued so far. */
  expireAll(): void {
    this.generation += 1;
  }

  issue(position: DeltaPosition): string {
    const numbers = [
      this.generation,
      position.kind === 'page' ? 1 : 2,
      position.mailbox,
      position.fromMs,
      position.toMs,
      position.after,
      position.upTo,
      position.offset,
      position.issuedMs,
    ];
    const text = numbers.map((n) => n.toString(36)).join('.');
    const check = this.checksum(text).toString(36);
    return Buffer.from(`${text}.${check}`, 'utf8').toString('base64url');
  }

  /** The position in a token, or `null` if the emulator does not know it (any more). */
  read(token: string, nowMs: number): DeltaPosition | null {
    const text = Buffer.from(token, 'base64url').toString('utf8');
    const parts = text.split('.');
    if (parts.length !== FIELDS + 2) return null;
    const check = parts.pop();
    const body = parts.join('.');
    if (check !== this.checksum(body).toString(36)) return null;
    const numbers = parts.map((part) => parseInt(part, 36));
    if (numbers.some((n) => Number.isNaN(n))) return null;
    const [generation, kind, mailbox, fromMs, toMs, after, upTo, offset, issuedMs] = numbers as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (generation !== this.generation) return null;
    if (nowMs - issuedMs > this.lifetimeMs) return null;
    return { kind: kind === 1 ? 'page' : 'delta', mailbox, fromMs, toMs, after, upTo, offset, issuedMs };
  }

  private checksum(text: string): number {
    let h = this.secret >>> 0;
    for (let i = 0; i < text.length; i++) h = mixPair(h, text.charCodeAt(i));
    return h;
  }
}
