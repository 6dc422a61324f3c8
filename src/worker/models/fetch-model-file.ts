/**
 * One model file over the network, streamed so every chunk can be counted, with errors a user can act
 * on: which file, which URL, what the server said, or that the network itself failed.
 */
export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError';

  constructor(
    message: string,
    readonly path: string,
    readonly url: string,
    /** The HTTP status, or null when no response arrived at all. */
    readonly status: number | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface FileFetchEvents {
  /** Headers arrived: the body's size, or null when the response does not state one we can count against. */
  readonly onResponse: (contentLength: number | null) => void;
  readonly onChunk: (bytes: number) => void;
}

export async function fetchModelFile(
  url: string,
  path: string,
  signal: AbortSignal,
  events: FileFetchEvents,
): Promise<ArrayBuffer> {
  let response: Response;
  try {
    // no-store: the lab keeps its own copy in Cache Storage; a second one in the HTTP cache only costs disk.
    response = await fetch(url, { signal, cache: 'no-store' });
  } catch (error) {
    throw signal.aborted ? signal.reason : networkError(path, url, error);
  }
  const refusal = !response.ok ? httpError(path, url, response) : htmlInsteadOfFile(path, url, response);
  if (refusal) {
    void response.body?.cancel();
    throw refusal;
  }
  const contentLength = countableLength(response.headers);
  events.onResponse(contentLength);
  if (!response.body) return new ArrayBuffer(0);
  let body: ArrayBuffer;
  try {
    body = await readBody(response.body.getReader(), contentLength, events.onChunk);
  } catch (error) {
    throw signal.aborted ? signal.reason : networkError(path, url, error);
  }
  // A body that ended early without an error (a proxy, a server restart) must not be stored as the file.
  if (contentLength !== null && body.byteLength !== contentLength) throw cutOff(path, url, body.byteLength, contentLength, response.status);
  return body;
}

function cutOff(path: string, url: string, received: number, stated: number, status: number): ModelDownloadError {
  const message =
    `Downloading ${path} from ${url} was cut off: ${received.toLocaleString('en-US')} of ` +
    `${stated.toLocaleString('en-US')} bytes arrived. Try again (the files already complete are kept).`;
  return new ModelDownloadError(message, path, url, status);
}

/**
 * Content-Length counts the bytes on the wire; for a compressed body the reader yields more than that,
 * so the header is then no use as a total. (Cross-origin responses hide Content-Encoding unless the
 * server exposes it; the progress tracker then grows the file's size to what arrived.)
 */
function countableLength(headers: Headers): number | null {
  const encoding = headers.get('Content-Encoding');
  if (encoding !== null && encoding !== 'identity') return null;
  const header = headers.get('Content-Length');
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

/** Preallocates from Content-Length so a 350 MB tower is not held twice (chunk list + concatenation). */
async function readBody(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  expectedBytes: number | null,
  onChunk: (bytes: number) => void,
): Promise<ArrayBuffer> {
  let buffer = new Uint8Array(expectedBytes ?? 1 << 20);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.max(buffer.byteLength * 2, length + value.byteLength));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.byteLength;
    onChunk(value.byteLength);
  }
  return length === buffer.byteLength ? buffer.buffer : buffer.slice(0, length).buffer;
}

/** HTTP/2 responses (the hub's) carry no reason phrase, so statusText is often empty. */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function httpError(path: string, url: string, response: Response): ModelDownloadError {
  const reason = response.statusText || REASONS[response.status] || '';
  const hint =
    response.status === 401 || response.status === 403
      ? ' (the hub answers so for a repository that is private, gated or does not exist)'
      : response.status === 404
        ? ' (no such file: is the repository or the precision right?)'
        : '';
  const message = `Downloading ${path} failed: ${url} returned ${`${response.status} ${reason}`.trim()}${hint}`;
  return new ModelDownloadError(message, path, url, response.status);
}

/**
 * A single-page-app server (Vite's dev server and `vite preview` among them) answers a path it does not
 * have with 200 and its index.html, which would otherwise be stored as the model.
 */
function htmlInsteadOfFile(path: string, url: string, response: Response): ModelDownloadError | null {
  if (!(response.headers.get('Content-Type') ?? '').startsWith('text/html') || path.endsWith('.html')) return null;
  const message =
    `Downloading ${path} failed: ${url} returned a web page instead of the file ` +
    '(the server has no such file and answered with its HTML fallback)';
  return new ModelDownloadError(message, path, url, response.status);
}

/** fetch() says only "Failed to fetch": offline, DNS, a refused connection and a CORS refusal look alike. */
function networkError(path: string, url: string, cause: unknown): ModelDownloadError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const message =
    `Could not download ${path} from ${url} (${detail}). Check the internet connection, ` +
    'or load the model from local files instead (pick the model folder).';
  return new ModelDownloadError(message, path, url, null, { cause });
}
