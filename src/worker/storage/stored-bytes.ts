/**
 * About how many bytes a value takes in IndexedDB: its typed arrays' and buffers' bytes, 2 per string
 * character, 8 per number and a few per key. IndexedDB says nothing per record, and the bulk of what the
 * lab stores is typed arrays, so this is close where it matters (a training checkpoint's parameters).
 */
export function storedBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number' || typeof value === 'bigint') return 8;
  if (typeof value === 'string') return 2 * value.length;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + storedBytes(item), 0);
  if (typeof value === 'object') {
    return Object.entries(value).reduce((sum, [key, item]) => sum + 2 * key.length + storedBytes(item), 0);
  }
  return 0;
}
