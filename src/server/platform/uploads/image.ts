/**
 * Images are decoded when they are uploaded, not when a report first draws them: a truncated or
 * corrupt PNG/JPEG (even one whose signature is right) is refused with a 400 naming the field,
 * and so is one of more pixels than `maxImagePixels`.
 */
import sharp from 'sharp';
import { UPLOAD_LIMITS } from './limits.ts';
import { fileRefused } from './problems.ts';

export interface TDecodedImage {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/**
 * Decodes every pixel of the image (to a tiny thumbnail, so memory stays small) and returns
 * its format and size; `null` when it cannot be decoded. Never throws.
 * @example const image = await tryDecodeImage(bytes); // null for a truncated PNG
 */
export async function tryDecodeImage(
  data: Uint8Array,
  options: { maxPixels?: number } = {},
): Promise<TDecodedImage | null> {
  try {
    const input = sharp(data, {
      failOn: 'truncated',
      limitInputPixels: options.maxPixels ?? UPLOAD_LIMITS.maxImagePixels,
      sequentialRead: true,
    });
    const meta = await input.metadata();
    if ((meta.format !== 'png' && meta.format !== 'jpeg') || !meta.width || !meta.height) return null;
    // metadata() reads only the header: the resize makes libvips decode all the data.
    await input.resize(16, 16, { fit: 'inside' }).raw().toBuffer();
    return { format: meta.format, width: meta.width, height: meta.height };
  } catch {
    return null;
  }
}

/**
 * Refuses an image that cannot be decoded or is too large in pixels.
 * @throws 400 naming `field`.
 */
export async function checkImage(
  data: Uint8Array,
  options: { field: string; name: string },
): Promise<TDecodedImage> {
  const maxPixels = UPLOAD_LIMITS.maxImagePixels;
  const image = await tryDecodeImage(data, { maxPixels });
  if (image) return image;
  // Tell "too many pixels" apart from "broken": the header alone says how large it claims to be.
  const claimed = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (claimed?.width && claimed.height && claimed.width * claimed.height > maxPixels)
    throw fileRefused(
      options.field,
      `"${options.name}" is ${claimed.width} × ${claimed.height} pixels: at most ${(maxPixels / 1e6).toFixed(0)} million pixels are accepted, export it smaller`,
    );
  throw fileRefused(
    options.field,
    `"${options.name}" is a damaged or truncated image that cannot be decoded: export it again as PNG or JPEG`,
  );
}
