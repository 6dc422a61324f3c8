import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { turboJpegModule } from '../../cli/image/node-jpeg-codec';
import { DataError } from '../data-error';
import { sameBytes as same } from './__fixtures__/same-bytes';
import { decodeImage } from './decode-image';
import { createTurboJpegCodec } from './turbojpeg-codec';

const photo = new Uint8Array(readFileSync('e2e/fixtures/voc-mini/JPEGImages/2007_000027.jpg'));

/** A codec on the real module that counts how often it was instantiated. */
function countingCodec() {
  const counter = { instances: 0 };
  const codec = createTurboJpegCodec((imports) => {
    counter.instances++;
    return new WebAssembly.Instance(turboJpegModule(), imports).exports;
  });
  return { codec, counter };
}

/** The photo with its entropy-coded data overwritten in the middle (headers and end marker intact). */
function scrambled(): Uint8Array {
  const bytes = photo.slice();
  for (let i = 5000; i < 9000; i++) bytes[i] = (i * 31) & 255;
  return bytes;
}

describe('the libjpeg-turbo WebAssembly codec', () => {
  it('decodes with one instance, and gives libjpeg’s own reason when the data is corrupt', () => {
    const { codec, counter } = countingCodec();
    const first = codec.decode(photo, 'rgb');
    expect([first.width, first.height, first.data.length]).toEqual([486, 500, 486 * 500 * 3]);
    codec.decode(photo, 'grey');
    expect(counter.instances).toBe(1);
    expect(() => decodeImage(scrambled(), 'JPEGImages/bad.jpg', codec)).toThrow(
      new DataError('JPEGImages/bad.jpg', 'corrupt or truncated JPEG: Unsupported marker type 0x1e'),
    );
  });

  it('starts a fresh instance after an error (libjpeg left it mid-call) and decodes the same pixels', () => {
    const { codec, counter } = countingCodec();
    const before = codec.decode(photo, 'rgb').data;
    expect(() => codec.decode(scrambled(), 'rgb')).toThrow();
    expect(same(codec.decode(photo, 'rgb').data, before)).toBe(true);
    expect(counter.instances).toBe(2);
  });

  it('decodes a file libjpeg only warns about (extraneous bytes before the end marker), as Pillow does', () => {
    const padded = new Uint8Array(photo.length + 3);
    padded.set(photo.subarray(0, photo.length - 2));
    padded.set([0x12, 0x34, 0x56, 0xff, 0xd9], photo.length - 2);
    const { codec } = countingCodec();
    expect(same(codec.decode(padded, 'rgb').data, codec.decode(photo, 'rgb').data)).toBe(true);
  });

  it('asks for components by name: grey is one byte per pixel, CMYK four', () => {
    const { codec } = countingCodec();
    expect(codec.decode(photo, 'grey').data.length).toBe(486 * 500);
    const cmyk = new Uint8Array(readFileSync('e2e/fixtures/pillow-decode/jpeg/variant_cmyk.jpg'));
    expect(codec.decode(cmyk, 'cmyk').data.length).toBe(486 * 500 * 4);
    // libjpeg converts neither CMYK to RGB nor RGB to CMYK: the core picks the right request.
    expect(() => codec.decode(cmyk, 'rgb')).toThrow('Unsupported color conversion request');
  });

  it('refuses a module that is not the expected build, naming what is missing', () => {
    const codec = createTurboJpegCodec(() => ({ malloc: () => 0 }));
    expect(() => codec.decode(photo, 'rgb')).toThrow(/not the expected libjpeg-turbo WebAssembly module \(missing free, .*memory\)/);
  });
});
