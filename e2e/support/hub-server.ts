import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A stand-in for the Hugging Face hub in the end-to-end tests (the real one is unreachable offline):
 * serves model folders at /<owner>/<name>/resolve/main/<path>, as the hub does, and records what was
 * asked so a test can prove a load made no request. Switches let a test slow it down, drop headers or
 * refuse CORS.
 */
export interface Throttle {
  readonly chunkBytes: number;
  readonly delayMs: number;
}

export class HubServer {
  /** Written in chunks with pauses, so a test can watch (or abort) a download midway. */
  throttle: Throttle | null = null;
  /** Send Access-Control-Allow-Origin (a cross-origin fetch from the app needs it; see cors()). */
  cors = true;
  /** Repository paths ("tokenizer.json") sent without Content-Length (chunked), as some servers do. */
  readonly omitContentLength = new Set<string>();
  /** The most responses that were being written at the same time. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly counts = new Map<string, number>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly url: string,
  ) {}

  /** repos: "owner/name" → the folder to serve. Listens on a random free port of 127.0.0.1. */
  static async start(repos: Readonly<Record<string, string>>): Promise<HubServer> {
    let hub: HubServer | null = null;
    const server = createServer((request, response) => hub?.handle(request, response, repos));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    hub = new HubServer(server, `http://127.0.0.1:${port}`);
    return hub;
  }

  /** Requests so far for one URL path ("/owner/name/resolve/main/config.json"), or all of them. */
  requestCount(urlPath?: string): number {
    if (urlPath !== undefined) return this.counts.get(urlPath) ?? 0;
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Back to a fast, CORS-enabled server with no requests counted (between tests). */
  reset(): void {
    Object.assign(this, { throttle: null, cors: true, maxInFlight: 0 });
    this.omitContentLength.clear();
    this.counts.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private handle(request: IncomingMessage, response: ServerResponse, repos: Readonly<Record<string, string>>): void {
    const urlPath = new URL(request.url ?? '/', this.url).pathname;
    this.counts.set(urlPath, (this.counts.get(urlPath) ?? 0) + 1);
    // The hub sends CORS headers on errors too; without them the page sees a network error, not the 404.
    if (this.cors) response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': '*' }).end();
      return;
    }
    const found = resolveFile(urlPath, repos);
    if (!found || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(found ? 405 : 404, { 'Content-Type': 'text/plain' }).end(found ? 'Method Not Allowed' : 'Entry not found');
      return;
    }
    const size = statSync(found.file).size;
    response.setHeader('Content-Type', 'application/octet-stream');
    if (!this.omitContentLength.has(found.repoPath)) response.setHeader('Content-Length', size);
    response.writeHead(200);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    response.on('close', () => (this.inFlight -= 1));
    if (this.throttle) void writeThrottled(found.file, response, this.throttle);
    else createReadStream(found.file).pipe(response);
  }
}

/** "/owner/name/resolve/main/onnx/x.onnx" → the file under that repository's folder, never outside it. */
function resolveFile(urlPath: string, repos: Readonly<Record<string, string>>): { file: string; repoPath: string } | null {
  const match = /^\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(urlPath);
  const folder = match ? repos[decodeURIComponent(match[1]!)] : undefined;
  if (!match || folder === undefined) return null;
  const repoPath = decodeURIComponent(match[2]!);
  const root = path.resolve(folder);
  const file = path.resolve(root, repoPath);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return statSync(file).isFile() ? { file, repoPath } : null;
  } catch {
    return null;
  }
}

async function writeThrottled(file: string, response: ServerResponse, throttle: Throttle): Promise<void> {
  const stream = createReadStream(file, { highWaterMark: throttle.chunkBytes });
  try {
    for await (const chunk of stream) {
      if (response.destroyed) break; // the client aborted
      response.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
    }
    if (!response.destroyed) response.end();
  } finally {
    stream.destroy();
  }
}
