/**
 * Checks a zip's central directory before fflate's unzipSync reads it. unzipSync trusts the entry
 * count and offsets it finds: a damaged zip64 record can claim four billion entries (a loop that
 * never ends, reading past the end) and a deflated entry can claim gigabytes uncompressed (allocated
 * up front). This reads the same fields unzipSync does and returns what is wrong, or null.
 */
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ENTRY_SIZE = 46;
const LOCAL_SIZE = 30;
/** The zip64 marker: the real value is in an extra field (fflate reads it there). */
const ZIP64_FIELD = 0xffffffff;
/** Deflate expands at most ~1032:1; more than this is a damaged size field. */
const MAX_DEFLATE_RATIO = 1032;

export function zipDirectoryProblem(bytes: Uint8Array): string | null {
  const u16 = (at: number) => (at >= 0 && at + 2 <= bytes.length ? bytes[at]! | (bytes[at + 1]! << 8) : -1);
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.length ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : -1);
  let end = bytes.length - 22;
  while (end >= 0 && bytes.length - end <= 65558 && u32(end) !== END_OF_DIRECTORY) end--;
  // No end record: unzipSync refuses the file itself ("invalid zip data").
  if (end < 0 || u32(end) !== END_OF_DIRECTORY) return null;
  let count = u16(end + 8);
  let at = u32(end + 16);
  const zip64 = u32(end - 20) === ZIP64_LOCATOR && u32(u32(end - 12)) === ZIP64_END;
  if (zip64) {
    const record = u32(end - 12);
    count = u32(record + 32);
    at = u32(record + 48);
  }
  for (let i = 0; i < count; i++) {
    const problem = entryProblem(bytes, at, u16, u32);
    if (typeof problem === 'string') return `directory entry ${i + 1} of ${count}: ${problem}`;
    at = problem;
  }
  return null;
}

/** The next entry's offset, or what is wrong with this one. */
function entryProblem(bytes: Uint8Array, at: number, u16: (at: number) => number, u32: (at: number) => number): number | string {
  if (at < 0 || at + ENTRY_SIZE > bytes.length || u32(at) !== DIRECTORY_ENTRY) return `no entry at byte ${at}`;
  const next = at + ENTRY_SIZE + u16(at + 28) + u16(at + 30) + u16(at + 32);
  if (next > bytes.length) return 'runs past the end of the file';
  const [method, packed, size, local] = [u16(at + 10), u32(at + 20), u32(at + 24), u32(at + 42)];
  if (packed === ZIP64_FIELD || size === ZIP64_FIELD || local === ZIP64_FIELD) return next;
  if (u32(local) !== LOCAL_HEADER) return `no local header at byte ${local}`;
  const data = local + LOCAL_SIZE + u16(local + 26) + u16(local + 28);
  if (data + packed > bytes.length) return `its ${packed} bytes run past the end of the file`;
  if (method === 8 && size > packed * MAX_DEFLATE_RATIO + 64) return `claims ${size} bytes from ${packed} compressed`;
  return next;
}
