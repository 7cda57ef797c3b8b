/**
 * A QR code drawn as one SVG path (lean-qr computes the modules; the drawing
 * is plain JSX, so no markup string is ever inserted). Its own chunk: the
 * Security page fetches it with import() only when the person starts
 * enrolling, so no page carries it on load (tests/browser/page-weight.test.ts).
 */
import { correction, generate } from 'lean-qr';

/** The quiet zone around the code, in modules (the standard asks for 4). */
const quiet = 4;

/** The path of the dark modules, one unit square each, offset by the quiet zone. Pure. */
export function modulesPath(size: number, dark: (x: number, y: number) => boolean): string {
  const parts: string[] = [];
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) if (dark(x, y)) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
  }
  return parts.join('');
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const span = code.size + quiet * 2;
  return (
    <svg class="qr-code" role="img" aria-label={label} viewBox={`0 0 ${span} ${span}`} width="240" height="240" shape-rendering="crispEdges">
      <rect width={span} height={span} fill="#fff" />
      <path d={modulesPath(code.size, (x, y) => code.get(x, y))} fill="#000" />
    </svg>
  );
}
