/**
 * The app's icons, drawn from code: a simple house. Teams wants a 192x192 colour icon and a 32x32
 * outline icon (white on a transparent background); the Outlook ribbon and the classic add-in
 * manifest want small colour icons served from the app's host (see `RIBBON_ICON_SIZES`).
 */
import { encodePng, type RgbaImage } from './png';

/** The accent colour of the app (manifest `accentColor`, the icons' background). */
export const ACCENT_COLOR = '#0B6E4F';

/** Sizes of the icons the add-in references by URL (`/addin/assets/icon-<size>.png`). */
export const RIBBON_ICON_SIZES = [16, 32, 64, 80, 128] as const;
export type RibbonIconSize = (typeof RIBBON_ICON_SIZES)[number];

type Rgba = readonly [number, number, number, number];
type Point = readonly [number, number];
interface Layer {
  colour: Rgba;
  covers: (x: number, y: number) => boolean;
}

const WHITE: Rgba = [255, 255, 255, 255];
const ACCENT: Rgba = [0x0b, 0x6e, 0x4f, 255];

/** The house's silhouette in unit coordinates (0..1, y down): roof with eaves, walls. */
const HOUSE: Point[] = [
  [0.5, 0.12],
  [0.92, 0.5],
  [0.8, 0.5],
  [0.8, 0.88],
  [0.2, 0.88],
  [0.2, 0.5],
  [0.08, 0.5],
];
const DOOR = { left: 0.43, right: 0.57, top: 0.62, bottom: 0.88 };

function insidePolygon(polygon: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToPolygonEdge(polygon: readonly Point[], x: number, y: number): number {
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [ax, ay] = polygon[j] as Point;
    const [bx, by] = polygon[i] as Point;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

const inDoor = (x: number, y: number) => x >= DOOR.left && x <= DOOR.right && y >= DOOR.top && y <= DOOR.bottom;
const inHouse = (x: number, y: number) => insidePolygon(HOUSE, x, y);

/** Renders layers (bottom first) with 4x4 supersampling, so edges are smooth at every size. */
function render(size: number, layers: Layer[]): RgbaImage {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour: Rgba | undefined;
          for (const layer of layers) if (layer.covers(x, y)) colour = layer.colour;
          if (!colour) continue;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      const n = samples * samples;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((a / n) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** Teams colour icon: a white house on the accent colour, full bleed (192x192). */
export function colourIconPng(size = 192): Buffer {
  return encodePng(
    render(size, [
      { colour: ACCENT, covers: () => true },
      { colour: WHITE, covers: inHouse },
      { colour: ACCENT, covers: inDoor },
    ]),
  );
}

/** Teams outline icon: the house's outline and door in white on transparent (32x32). */
export function outlineIconPng(size = 32): Buffer {
  const stroke = 2 / 32; // about two pixels at 32x32
  return encodePng(
    render(size, [
      { colour: WHITE, covers: (x, y) => inHouse(x, y) && distanceToPolygonEdge(HOUSE, x, y) <= stroke },
      { colour: WHITE, covers: inDoor },
    ]),
  );
}

/** Ribbon and add-in icons: an accent-coloured house with a white door on transparent. */
export function ribbonIconPng(size: RibbonIconSize): Buffer {
  return encodePng(
    render(size, [
      { colour: ACCENT, covers: inHouse },
      { colour: WHITE, covers: inDoor },
    ]),
  );
}
