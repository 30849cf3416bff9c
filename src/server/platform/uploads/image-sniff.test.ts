import { describe, expect, it } from 'vitest';
import { fitWithin, sniffImage } from './image-sniff.ts';

const png = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
/** The first segments of a JPEG: SOI, an APP0 segment, then a start-of-frame 640×480. */
const jpeg = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03,
]);

describe('sniffImage', () => {
  it('recognises PNG and JPEG by their bytes and reads their size', () => {
    expect(sniffImage(png)).toEqual({ mimeType: 'image/png', width: 1, height: 1 });
    expect(sniffImage(jpeg)).toEqual({ mimeType: 'image/jpeg', width: 640, height: 480 });
  });

  it('refuses anything else', () => {
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(png.slice(0, 10))).toBeNull();
  });
});

describe('fitWithin', () => {
  it('scales down keeping the proportions, never up', () => {
    expect(fitWithin({ width: 400, height: 100 }, { width: 200, height: 80 })).toEqual({
      width: 200,
      height: 50,
    });
    expect(fitWithin({ width: 10, height: 10 }, { width: 200, height: 80 })).toEqual({
      width: 10,
      height: 10,
    });
  });
});
