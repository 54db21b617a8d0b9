import { joinValue, splitValue } from '../../../src/store/tables/table-values';

describe('values split across table properties', () => {
  it('a short value is one chunk', () => {
    expect(splitValue('{"a":1}')).toEqual({ v0: '{"a":1}', n: 1 });
  });

  it('a long value is split into chunks no longer than the limit and joined back whole', () => {
    const json = JSON.stringify('x'.repeat(95));
    const props = splitValue(json, 10);
    expect(props['n']).toBe(10);
    for (let i = 0; i < 10; i += 1) expect(String(props[`v${i}`]).length).toBeLessThanOrEqual(10);
    expect(joinValue(props)).toBe(json);
  });

  it('never cuts a surrogate pair in two', () => {
    const json = JSON.stringify('😀'.repeat(50));
    for (const size of [3, 4, 5, 7]) {
      const props = splitValue(json, size);
      for (let i = 0; i < Number(props['n']); i += 1) {
        const chunk = String(props[`v${i}`]);
        expect(chunk).not.toMatch(/[\ud800-\udbff]$/);
        expect(chunk).not.toMatch(/^[\udc00-\udfff]/);
      }
      expect(joinValue(props)).toBe(json);
    }
  });

  it('an entity without chunks is refused with a clear error', () => {
    expect(() => joinValue({ x: 1 })).toThrow(/no value chunks/);
    expect(() => joinValue({ n: 2, v0: 'a' })).toThrow(/missing value chunk v1/);
  });
});
