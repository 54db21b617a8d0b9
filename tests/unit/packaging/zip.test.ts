import { readZip, writeZip } from '../../../src/packaging/zip';

describe('zip', () => {
  it('reads back the names and bytes it wrote', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}'.repeat(100)) },
      { name: 'color.png', data: Buffer.from([0, 1, 2, 3, 255]) },
    ];
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it('writes the same bytes for the same files (a fixed timestamp)', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('same') }];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it('reports a CRC mismatch when an entry is damaged', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('x'.repeat(64)) }]);
    const stored = zip.indexOf(Buffer.from('a.txt')) + 'a.txt'.length;
    const damaged = Buffer.from(zip);
    damaged[stored + 1] = (damaged[stored + 1] ?? 0) ^ 0x01;
    expect(() => readZip(damaged)).toThrow(/a\.txt/);
  });
});
