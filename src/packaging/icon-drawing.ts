import type { RgbaImage } from './png';

/** A shape in a 192-unit square: true where a point (in those units) is inside. */
export type Shape = (x: number, y: number) => boolean;
export type Rgb = readonly [number, number, number];

export const roundRect =
  (left: number, top: number, right: number, bottom: number, radius: number): Shape =>
  (x, y) => {
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return x >= left && x <= right && y >= top && y <= bottom && dx * dx + dy * dy <= radius * radius;
  };

export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

export const triangle = (
  a: readonly [number, number],
  b: readonly [number, number],
  c: readonly [number, number],
): Shape => {
  const side = (p: readonly [number, number], q: readonly [number, number], x: number, y: number): number =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
};

export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

export const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** Points within `width` units of the shape's edge, inside it (an outline drawn inwards). */
export const outline = (shape: Shape, width: number): Shape => {
  const probes = Array.from({ length: 16 }, (_, i) => [
    Math.cos((i * Math.PI) / 8) * width,
    Math.sin((i * Math.PI) / 8) * width,
  ]);
  return (x, y) => shape(x, y) && probes.some(([dx = 0, dy = 0]) => !shape(x + dx, y + dy));
};

/** Grows a shape by `by` units in every direction (approximate: 16 probes). */
export const grow = (shape: Shape, by: number): Shape => {
  const probes = Array.from({ length: 16 }, (_, i) => [
    Math.cos((i * Math.PI) / 8) * by,
    Math.sin((i * Math.PI) / 8) * by,
  ]);
  return (x, y) => shape(x, y) || probes.some(([dx = 0, dy = 0]) => shape(x + dx, y + dy));
};

export interface Layer {
  shape: Shape;
  color: Rgb;
}

const SAMPLES = 4;

/** Rasterises layers (painted in order, source-over) at `size` pixels, with 4×4 supersampling per pixel. */
export function paint(size: number, layers: readonly Layer[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 192 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (layer.shape((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale)) hits++;
          }
        }
        const coverage = hits / (SAMPLES * SAMPLES);
        if (coverage === 0) continue;
        const outA = coverage + a * (1 - coverage);
        r = (layer.color[0] * coverage + r * a * (1 - coverage)) / outA;
        g = (layer.color[1] * coverage + g * a * (1 - coverage)) / outA;
        b = (layer.color[2] * coverage + b * a * (1 - coverage)) / outA;
        a = outA;
      }
      const alpha = Math.round(a * 255);
      pixels.set(
        alpha === 0 ? [0, 0, 0, 0] : [Math.round(r), Math.round(g), Math.round(b), alpha],
        (py * size + px) * 4,
      );
    }
  }
  return { width: size, height: size, pixels };
}
