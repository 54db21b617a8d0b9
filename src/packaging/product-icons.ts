import type { Layer, Rgb, Shape } from './icon-drawing';
import { circle, grow, minus, outline, paint, roundRect, triangle, union } from './icon-drawing';
import type { RgbaImage } from './png';

/** Two speech bubbles, the second one answering, with three dots climbing: a conversation that goes somewhere. */
const TEAL: Rgb = [14, 110, 114];
const MINT: Rgb = [158, 228, 214];
const WHITE: Rgb = [255, 255, 255];

const askBubble: Shape = union(roundRect(30, 38, 126, 112, 22), triangle([48, 106], [76, 106], [42, 134]));
const answerBubble: Shape = union(
  roundRect(70, 86, 164, 152, 22),
  triangle([126, 146], [150, 146], [156, 172]),
);
const climbingDots: Shape = union(circle(58, 86, 8), circle(80, 74, 8), circle(102, 62, 8));

/** The full-colour icon: teal tile, white question bubble, mint answer bubble. */
export function colorIcon(size: number): RgbaImage {
  const layers: Layer[] = [
    { shape: () => true, color: TEAL },
    { shape: askBubble, color: WHITE },
    { shape: grow(answerBubble, 6), color: TEAL },
    { shape: answerBubble, color: MINT },
    { shape: minus(climbingDots, grow(answerBubble, 6)), color: TEAL },
  ];
  return paint(size, layers);
}

/** The outline icon: white strokes on transparent, as Teams requires for its 32×32 monochrome icon. */
export function outlineIcon(size = 32): RgbaImage {
  const stroke = 16;
  const ask = minus(outline(askBubble, stroke), grow(answerBubble, 10));
  const answer = outline(answerBubble, stroke);
  return paint(size, [{ shape: union(ask, answer), color: WHITE }]);
}
