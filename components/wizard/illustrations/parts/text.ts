/**
 * Rough text metrics for SVG layout (SVG text cannot be measured on the server).
 * Widths are per-character estimates for Segoe UI / Arial-like fonts, rounded up so that
 * wider fallbacks still fit.
 */
const NARROW = new Set(["i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "!", "|", "I", "(", ")", "[", "]", "\\", "/", "-"]);
const WIDE = new Set(["m", "w", "M", "W", "@", "%"]);

function charWidth(ch: string, mono: boolean): number {
  if (mono) return 0.62;
  if (ch === " ") return 0.3;
  if (NARROW.has(ch)) return 0.32;
  if (WIDE.has(ch)) return 0.88;
  if (ch >= "A" && ch <= "Z") return 0.68;
  if (ch >= "0" && ch <= "9") return 0.58;
  return 0.56;
}

/** Bold text is about a tenth wider than regular text. */
const BOLD_FACTOR = 1.1;

export function textWidth(text: string, fontSize: number, mono = false, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch, mono);
  return units * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** Cuts `text` at the end with an ellipsis so that it fits `maxWidth`. */
export function fitEnd(text: string, maxWidth: number, fontSize: number, mono = false, bold = false): string {
  if (textWidth(text, fontSize, mono, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, fontSize, mono, bold) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}


/**
 * Greedy word wrap on ordinary spaces (a no-break space, U+00A0, keeps words together);
 * a single word longer than the line is cut with `fitEnd`.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, mono = false, bold = false): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/[ \t\n]+/).filter((w) => w.length > 0)) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (textWidth(candidate, fontSize, mono, bold) <= maxWidth) {
      current = candidate;
    } else {
      if (current !== "") lines.push(current);
      current = fitEnd(word, maxWidth, fontSize, mono, bold);
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Wraps a Windows path after its backslashes so that each line fits `maxWidth`. */
export function wrapPath(path: string, maxWidth: number, fontSize: number): string[] {
  const parts = path.split(/(?<=\\)/);
  const lines: string[] = [];
  let current = "";
  for (const part of parts) {
    if (current !== "" && textWidth(current + part, fontSize) > maxWidth) {
      lines.push(current);
      current = part;
    } else {
      current += part;
    }
  }
  if (current !== "") lines.push(current);
  return lines.map((line) => fitEnd(line, maxWidth, fontSize));
}
