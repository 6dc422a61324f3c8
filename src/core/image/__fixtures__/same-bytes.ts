/**
 * Byte-for-byte equality of two typed arrays, without the test matcher's element-by-element diff
 * (seconds on the 10⁶ values of a photo or a chunk of crops).
 */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
