/**
 * An uploaded logo is trusted only by its bytes: the type is read from the file's signature (never its
 * name or the browser's content type) and the pixel size from its header. PNG, JPEG and WebP only; no
 * SVG (it can carry script). Pure: the admin form checks a file with this before sending it, the
 * route again on what arrived.
 */
export const MAX_LOGO_BYTES = 256 * 1024;
export const MIN_LOGO_SIDE = 16;
export const MAX_LOGO_SIDE = 2048;

export const LOGO_TYPES = [
  { contentType: "image/png", ext: "png" },
  { contentType: "image/jpeg", ext: "jpg" },
  { contentType: "image/webp", ext: "webp" },
] as const;
type LogoContentType = (typeof LOGO_TYPES)[number]["contentType"];
type LogoExt = (typeof LOGO_TYPES)[number]["ext"];

/** An uploaded logo's file name in its address, `/brand/logo/<sha256>.<ext>`. */
export const UPLOADED_LOGO_FILE = /^[0-9a-f]{64}\.(png|jpg|webp)$/;

export type LogoImage = { contentType: LogoContentType; ext: LogoExt; width: number; height: number };
/** Why a file is refused: its type, its size in bytes, or its size in pixels (or an unreadable header). */
export type LogoRefusal = { ok: false; reason: "type" | "size" | "dimensions"; message: string };

export function inspectLogo(bytes: Uint8Array): ({ ok: true } & LogoImage) | LogoRefusal {
  if (bytes.byteLength === 0) return { ok: false, reason: "type", message: "The file is empty." };
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    return { ok: false, reason: "size", message: `The logo is larger than ${MAX_LOGO_BYTES / 1024} KB.` };
  }
  const found = readPng(bytes) ?? readJpeg(bytes) ?? readWebp(bytes);
  if (!found) return { ok: false, reason: "type", message: "Upload a PNG, JPEG or WebP image (SVG and other types are not accepted)." };
  if (found === "unreadable") return { ok: false, reason: "dimensions", message: "The image's header could not be read." };
  const { width, height } = found;
  if (Math.min(width, height) < MIN_LOGO_SIDE || Math.max(width, height) > MAX_LOGO_SIDE) {
    return {
      ok: false,
      reason: "dimensions",
      message: `The logo is ${width}×${height} pixels; each side must be between ${MIN_LOGO_SIDE} and ${MAX_LOGO_SIDE}.`,
    };
  }
  return { ok: true, ...found };
}

type Found = LogoImage | "unreadable" | null;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => b[i]! * 2 ** 24 + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);

/** PNG: the 8-byte signature, then IHDR first with width and height as 32-bit big-endian numbers. */
function readPng(b: Uint8Array): Found {
  if (!startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null;
  if (b.byteLength < 24 || !startsWith(b, ascii("IHDR"), 12)) return "unreadable";
  return { contentType: "image/png", ext: "png", width: u32be(b, 16), height: u32be(b, 20) };
}

/** JPEG: SOI, then segments until a start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which holds height then width. */
function readJpeg(b: Uint8Array): Found {
  if (!startsWith(b, [0xff, 0xd8, 0xff])) return null;
  let i = 2;
  while (i + 9 < b.byteLength) {
    if (b[i] !== 0xff) return "unreadable";
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { contentType: "image/jpeg", ext: "jpg", height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return "unreadable"; // end of image or scan data before any frame
    i += 2 + u16be(b, i + 2);
  }
  return "unreadable";
}

/** WebP: RIFF….WEBP, then the first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function readWebp(b: Uint8Array): Found {
  if (!startsWith(b, ascii("RIFF")) || !startsWith(b, ascii("WEBP"), 8)) return null;
  if (b.byteLength < 30) return "unreadable";
  const at = (width: number, height: number): LogoImage => ({ contentType: "image/webp", ext: "webp", width, height });
  if (startsWith(b, ascii("VP8 "), 12)) {
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return "unreadable";
    return at(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (startsWith(b, ascii("VP8L"), 12)) {
    if (b[20] !== 0x2f) return "unreadable";
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return at((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (startsWith(b, ascii("VP8X"), 12)) return at(u24le(b, 24) + 1, u24le(b, 27) + 1);
  return "unreadable";
}
