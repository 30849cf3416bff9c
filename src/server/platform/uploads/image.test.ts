import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImage, tryDecodeImage } from './image.ts';

const noisePng = (width: number, height: number) =>
  sharp(Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 7919) % 251)), {
    raw: { width, height, channels: 3 },
  })
    .png()
    .toBuffer();

describe('image decoding at upload', () => {
  it('decodes a whole PNG and JPEG, refuses a truncated one whose signature is right', async () => {
    const png = await noisePng(64, 48);
    expect(await tryDecodeImage(png)).toEqual({ format: 'png', width: 64, height: 48 });
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(await tryDecodeImage(jpeg)).toEqual({ format: 'jpeg', width: 64, height: 48 });
    const half = png.subarray(0, Math.floor(png.length / 2));
    expect(await tryDecodeImage(half)).toBeNull();
    await expect(checkImage(half, { field: 'file', name: 'cut.png' })).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'file', message: expect.stringMatching(/damaged or truncated/) }],
    });
    expect(await tryDecodeImage(new TextEncoder().encode('<svg/>'))).toBeNull();
  });

  it('refuses an image of more pixels than the limit, saying its size', async () => {
    const png = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expect(checkImage(png, { field: 'file', name: 'huge.png' })).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'file', message: expect.stringMatching(/8000 × 6000 pixels: at most 40 million/) }],
    });
  }, 20_000);
});
