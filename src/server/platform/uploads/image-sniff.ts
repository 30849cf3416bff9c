/**
 * Recognises PNG and JPEG files by their bytes (never by their name or declared type) and reads
 * their pixel size, so that logos can be checked on upload and scaled on exports.
 */
import type { TLogoMimeType } from '../../../shared/enums.ts';

export interface TImageInfo {
  mimeType: TLogoMimeType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The type and size of a PNG or JPEG image; null for anything else (or a truncated file).
 * @example sniffImage(pngBytes) // { mimeType: 'image/png', width: 120, height: 40 }
 */
export function sniffImage(bytes: Uint8Array): TImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width > 0 && height > 0 ? { mimeType: 'image/png', width, height } : null;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    // Walk the segments up to a start-of-frame marker, which carries the size.
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
      if (isStartOfFrame) {
        const height = view.getUint16(at + 5);
        const width = view.getUint16(at + 7);
        return width > 0 && height > 0 ? { mimeType: 'image/jpeg', width, height } : null;
      }
      at += 2 + length;
    }
  }
  return null;
}

/**
 * Scales a box to fit within `max` (never enlarges).
 * @example fitWithin({ width: 400, height: 100 }, { width: 200, height: 80 }) // { width: 200, height: 50 }
 */
export function fitWithin(
  size: { width: number; height: number },
  max: { width: number; height: number },
): { width: number; height: number } {
  const ratio = Math.min(1, max.width / size.width, max.height / size.height);
  return {
    width: Math.max(1, Math.round(size.width * ratio)),
    height: Math.max(1, Math.round(size.height * ratio)),
  };
}
