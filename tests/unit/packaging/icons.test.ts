import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ICON_FILES } from '../../../src/packaging/cli';
import { checkIcons } from '../../../src/packaging/package-checks';
import { decodePng, readPngHeader } from '../../../src/packaging/png';
import { ROOT } from './support';

describe('the committed icons', () => {
  it.each(ICON_FILES.map((f) => [f.file, f]))(
    '%s is what the generator draws (run `npm run package -- icons`)',
    (_, icon) => {
      // Pixels, not bytes: another zlib may compress the same image differently.
      const committed = decodePng(readFileSync(path.join(ROOT, icon.file)));
      const drawn = decodePng(icon.draw());
      expect([committed.width, committed.height]).toEqual([drawn.width, drawn.height]);
      expect(Buffer.from(committed.pixels).equals(Buffer.from(drawn.pixels))).toBe(true);
    },
  );

  it('pass the app package icon rules (192×192 colour, 32×32 white-on-transparent outline)', () => {
    const files = new Map(
      ['color.png', 'outline.png'].map((f) => [f, readFileSync(path.join(ROOT, 'appPackage', f))]),
    );
    expect(checkIcons({ icons: { color: 'color.png', outline: 'outline.png' } }, files)).toEqual([]);
  });

  it('the colour icon is opaque edge to edge and the outline icon draws something', () => {
    const color = decodePng(readFileSync(path.join(ROOT, 'appPackage/color.png')));
    expect(color.pixels.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    const outline = decodePng(readFileSync(path.join(ROOT, 'appPackage/outline.png')));
    const drawn = outline.pixels.filter((_, i) => i % 4 === 3 && outline.pixels[i] !== 0).length;
    expect(drawn).toBeGreaterThan(100);
    expect(readPngHeader(readFileSync(path.join(ROOT, 'src/addin/assets/icon-80.png'))).width).toBe(80);
  });
});
