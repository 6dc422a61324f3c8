import { DataError } from '../../core/data-error';
import type { FileSource, FileStamp } from '../../core/dataset-source';
import { buildPathIndex, type PathIndex } from './path-index';
import { describeError, pathKey, pathSegments, readOrFail, requirePathKey } from '../../core/datasets/source-paths';

/**
 * The index a dataset served over HTTP must carry: `{ "files": [every other path, sorted] }`, with
 * optionally `"sizes"` and `"lastModified"` (ms), one number per file: then an image replaced on the
 * server is told apart from the one encoded before (an index without them cannot tell).
 */
export const FILE_INDEX = 'files.json';

/**
 * A FileSource over a dataset on a web server, e.g. the demo dataset at `/demo/voc-demo/`. HTTP
 * cannot list folders, so listings come from the dataset's `files.json`, fetched once on first use;
 * each file is fetched when read. Relative `baseUrl`s resolve against the page's (or worker's)
 * location. Messages name the full URL.
 */
export function createHttpIndexSource(
  baseUrl: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): FileSource {
  const base = folderUrl(baseUrl);
  const label = base.href;
  const urlOf = (segments: readonly string[]): string =>
    new URL(segments.map(encodeURIComponent).join('/'), base).href;

  let index: Promise<PathIndex<FileStamp | null>> | null = null;
  const loadIndex = (): Promise<PathIndex<FileStamp | null>> => {
    // A failed load is not kept: the next call tries again (the network may be back).
    index ??= readIndex(urlOf([FILE_INDEX]), fetchImpl).catch((error: unknown) => {
      index = null;
      throw error;
    });
    return index;
  };

  const fetchListed = async (path: string): Promise<{ url: string; response: Response }> => {
    const segments = pathSegments(path, label);
    const key = segments.join('/');
    const listed = await loadIndex();
    const url = urlOf(segments);
    if (listed.file(key) === undefined) {
      const why = listed.isDir(key) ? 'is a folder, not a file' : `file not found (not in ${FILE_INDEX})`;
      throw new DataError(url, why);
    }
    return { url, response: await fetchFile(url, fetchImpl) };
  };

  const keyOf = (path: string): string => requirePathKey(path, label);
  return {
    label,
    listFiles: async (dir) => (await loadIndex()).listFiles(keyOf(dir)),
    listDirs: async (dir) => (await loadIndex()).listDirs(keyOf(dir)),
    exists: async (path) => {
      const listed = await loadIndex();
      return listed.file(keyOf(path)) !== undefined || listed.isDir(keyOf(path));
    },
    readBytes: async (path) => {
      const { url, response } = await fetchListed(path);
      return new Uint8Array(await readOrFail(url, () => response.arrayBuffer()));
    },
    readText: async (path) => {
      const { url, response } = await fetchListed(path);
      return readOrFail(url, () => response.text());
    },
    stamp: async (path) => (await loadIndex()).file(keyOf(path)) ?? null,
  };
}

/** The base as a folder URL (trailing '/'), so relative file paths land inside it. */
function folderUrl(baseUrl: string): URL {
  // A worker has `location` too; only outside a browser (Node) must the base be absolute. A blob:
  // worker's own URL cannot be a base, so a path resolves against its origin there.
  const here = globalThis.location as Location | undefined;
  const url = new URL(baseUrl, here?.protocol === 'blob:' ? here.origin : here?.href);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

async function readIndex(url: string, fetchImpl: typeof fetch): Promise<PathIndex<FileStamp | null>> {
  const response = await fetchFile(url, fetchImpl);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await response.text());
  } catch (error) {
    throw new DataError(url, `not a file index (${describeError(error)})`);
  }
  const files = isFileList(parsed) ? parsed.files : null;
  if (files === null) {
    throw new DataError(url, 'not a file index: expected { "files": ["Annotations/….xml", …] }');
  }
  const keys = files.map(pathKey);
  const outside = files.find((_, i) => keys[i] === null);
  if (outside !== undefined) throw new DataError(url, `lists a path outside the dataset: ${outside}`);
  return buildPathIndex(
    keys.map((key) => key ?? ''),
    indexStamps(url, parsed as { files: string[]; sizes?: unknown; lastModified?: unknown }),
  );
}

/** Each file's stamp from the index's optional `sizes` and `lastModified` (a time of 0 when only sizes are given). */
function indexStamps(url: string, index: { files: string[]; sizes?: unknown; lastModified?: unknown }): (FileStamp | null)[] {
  const numbers = (field: 'sizes' | 'lastModified'): number[] | null => {
    const values = index[field];
    if (values === undefined) return null;
    if (!Array.isArray(values) || values.length !== index.files.length || !values.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new DataError(url, `"${field}" must list one number per file (${index.files.length})`);
    }
    return values as number[];
  };
  const sizes = numbers('sizes');
  const times = numbers('lastModified');
  return index.files.map((_, i) => (sizes ? { size: sizes[i]!, lastModified: times?.[i] ?? 0 } : null));
}

function isFileList(value: unknown): value is { files: string[] } {
  if (typeof value !== 'object' || value === null || !('files' in value)) return false;
  const { files } = value;
  return Array.isArray(files) && files.every((path) => typeof path === 'string');
}

/**
 * Fetches a file or fails with a DataError naming its URL. Single-page-app servers (Vite's dev and
 * preview servers among them) answer a missing path with their index.html and status 200, so an
 * HTML answer for a path that is not .html counts as missing too.
 */
async function fetchFile(url: string, fetchImpl: typeof fetch): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new DataError(url, `cannot read (network error: ${describeError(error)})`);
  }
  if (response.status === 404 || response.status === 410) {
    throw new DataError(url, `file not found (HTTP ${response.status})`);
  }
  if (!response.ok) {
    throw new DataError(url, `cannot read (HTTP ${response.status} ${response.statusText})`.trim());
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/html') && !/\.html?$/i.test(new URL(url).pathname)) {
    throw new DataError(url, 'file not found (the server sent a web page instead)');
  }
  return response;
}
