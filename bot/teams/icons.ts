// Draws the Teams app icons (a chat bubble with a check mark) as pixels, so the package needs no image files.
// Teams wants color.png 192×192 (full colour) and outline.png 32×32 (white on transparent only).
import type { RgbaImage } from './png';

type Ink = 'none' | 'bubble' | 'check';

const SAMPLES = 4; // 4×4 supersampling per pixel, for smooth edges

function insideRoundedRect(x: number, y: number): boolean {
  const [left, top, right, bottom, r] = [0.18, 0.2, 0.82, 0.68, 0.12];
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideTail(x: number, y: number): boolean {
  // Triangle (0.30,0.66) (0.30,0.84) (0.48,0.66): below the bubble, on the left.
  return y >= 0.66 && x >= 0.3 && x - 0.3 <= 0.84 - y;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheck(x: number, y: number): boolean {
  const half = 0.035;
  return distanceToSegment(x, y, 0.36, 0.45, 0.46, 0.55) <= half || distanceToSegment(x, y, 0.46, 0.55, 0.65, 0.34) <= half;
}

function inkAt(x: number, y: number): Ink {
  if (!insideRoundedRect(x, y) && !insideTail(x, y)) return 'none';
  return onCheck(x, y) ? 'check' : 'bubble';
}

type Rgba = readonly [number, number, number, number];

function draw(size: number, colours: Readonly<Record<Ink, Rgba>>): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const at = (py * size + px) * 4;
      // Only edge pixels need supersampling: when the four corners agree, the whole pixel has that ink.
      const corner = inkAt(px / size, py / size);
      if (corner === inkAt((px + 1) / size, py / size) && corner === inkAt(px / size, (py + 1) / size) && corner === inkAt((px + 1) / size, (py + 1) / size)) {
        pixels.set(colours[corner], at);
        continue;
      }
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = colours[inkAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)];
          for (let c = 0; c < 4; c += 1) sum[c] += colour[c];
        }
      }
      for (let c = 0; c < 4; c += 1) pixels[at + c] = Math.round(sum[c] / (SAMPLES * SAMPLES));
    }
  }
  return { width: size, height: size, pixels };
}

/** The accent colour of the app, also the manifest's `accentColor`. */
export const ACCENT: Rgba = [0x0b, 0x6c, 0xbd, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR_WHITE: Rgba = [0xff, 0xff, 0xff, 0x00];

/** 192×192, full colour: white bubble on the accent colour, check mark in the accent colour. */
export function drawColorIcon(): RgbaImage {
  return draw(192, { none: ACCENT, bubble: WHITE, check: ACCENT });
}

/** 32×32, white on transparent (Teams rejects other colours in the outline icon); the check is cut out. */
export function drawOutlineIcon(): RgbaImage {
  return draw(32, { none: CLEAR_WHITE, bubble: WHITE, check: CLEAR_WHITE });
}

export function accentHex(): string {
  return `#${ACCENT.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
