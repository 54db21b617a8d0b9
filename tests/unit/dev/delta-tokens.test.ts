import { DeltaTokens } from '../../../src/dev/delta-tokens';
import type { DeltaPosition } from '../../../src/dev/delta-tokens';

const position: DeltaPosition = {
  kind: 'delta',
  mailbox: 12,
  fromMs: Date.parse('2026-03-01T00:00:00Z'),
  toMs: Date.parse('2026-04-01T00:00:00Z'),
  after: 3,
  upTo: 3,
  offset: 0,
  issuedMs: Date.parse('2026-03-10T00:00:00Z'),
};

describe('delta tokens', () => {
  it('reads back what it issued, as URL-safe text', () => {
    const tokens = new DeltaTokens(99, 86_400_000);
    const token = tokens.issue(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(tokens.read(token, position.issuedMs + 1000)).toEqual(position);
    expect(
      tokens.read(tokens.issue({ ...position, kind: 'page', after: -1, offset: 40 }), position.issuedMs),
    ).toMatchObject({
      kind: 'page',
      after: -1,
      offset: 40,
    });
  });

  it('does not know tampered, foreign, expired or pre-expiry tokens', () => {
    const tokens = new DeltaTokens(99, 86_400_000);
    const token = tokens.issue(position);
    const tampered = Buffer.from(
      Buffer.from(token, 'base64url').toString('utf8').replace('.c.', '.d.'),
      'utf8',
    ).toString('base64url');
    expect(tokens.read(tampered, position.issuedMs)).toBeNull();
    expect(tokens.read('garbage', position.issuedMs)).toBeNull();
    expect(new DeltaTokens(98, 86_400_000).read(token, position.issuedMs)).toBeNull();
    expect(tokens.read(token, position.issuedMs + 2 * 86_400_000)).toBeNull();
    tokens.expireAll();
    expect(tokens.read(token, position.issuedMs)).toBeNull();
  });
});
