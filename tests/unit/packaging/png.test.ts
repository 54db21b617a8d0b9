import { deflateSync } from 'node:zlib';
import { crc32 } from '../../../src/packaging/crc32';
import { decodePng, encodePng, PngError, readPngHeader } from '../../../src/packaging/png';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

describe('PNG', () => {
  it('crc32 matches the published check value for "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('decodes what it encodes, pixel for pixel', () => {
    const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = encodePng({ width: 3, height: 2, pixels });
    expect(readPngHeader(png)).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 6, interlace: 0 });
    expect(Buffer.from(decodePng(png).pixels)).toEqual(Buffer.from(pixels));
  });

  it('undoes the Sub, Up, Average and Paeth row filters of an RGB image', () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(2, 0);
    ihdr.writeUInt32BE(4, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    // Every row decodes to rgb(10,20,30) then rgb(15,25,35).
    const raw = Buffer.from([
      1, 10, 20, 30, 5, 5, 5, 2, 0, 0, 0, 0, 0, 0, 3, 5, 10, 15, 3, 3, 3, 4, 0, 0, 0, 0, 0, 0,
    ]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const { pixels } = decodePng(png);
    for (let row = 0; row < 4; row++) {
      expect([...pixels.subarray(row * 8, row * 8 + 8)]).toEqual([10, 20, 30, 255, 15, 25, 35, 255]);
    }
  });

  it('refuses a file whose chunk CRC is wrong', () => {
    const png = encodePng({ width: 1, height: 1, pixels: new Uint8Array([1, 2, 3, 4]) });
    png[20] = (png[20] ?? 0) ^ 0xff;
    expect(() => readPngHeader(png)).toThrow(PngError);
  });
});
