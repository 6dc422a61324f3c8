import type { CatalogFile } from './model-catalog';

/** One progress figure for all the files of a model: what a single progress bar shows. */
export interface DownloadProgress {
  readonly loadedBytes: number;
  /**
   * The sum of every file's size: its Content-Length once its response has arrived, its real size once
   * it is complete, and until then the catalog's approximate size (those paths are in approximateSizes).
   * It can move either way while estimates are replaced; at the end it equals loadedBytes.
   */
  readonly totalBytes: number;
  readonly filesDone: number;
  readonly filesTotal: number;
  /** Network bytes per second over the last few seconds (0 when nothing came over the network). */
  readonly bytesPerSecond: number;
  /** null while the speed is unknown; 0 when done. */
  readonly etaSeconds: number | null;
  /** True when every file came from the browser's Cache Storage: no network request at all. */
  readonly fromCache: boolean;
  readonly filesFromCache: number;
  /** Paths whose share of totalBytes is still the catalog's approximate size. */
  readonly approximateSizes: readonly string[];
  /** Paths whose response carried no usable Content-Length (absent, or of a compressed body). */
  readonly missingContentLength: readonly string[];
  readonly done: boolean;
}

interface FileState {
  size: number;
  sizeIsApproximate: boolean;
  loaded: number;
  done: boolean;
}

const SPEED_WINDOW_MS = 3000;

/** Keeps the per-file counts behind DownloadProgress; the caller decides when to publish a snapshot. */
export class DownloadProgressTracker {
  private readonly files = new Map<string, FileState>();
  private readonly missingContentLength = new Set<string>();
  private filesFromCache = 0;
  private networkBytes = 0;
  /** (time, networkBytes) pairs of the speed window, oldest first. */
  private samples: { time: number; bytes: number }[];

  constructor(
    files: readonly CatalogFile[],
    private readonly allFromCache: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    for (const file of files) {
      this.files.set(file.path, { size: file.approxBytes, sizeIsApproximate: true, loaded: 0, done: false });
    }
    this.samples = [{ time: now(), bytes: 0 }];
  }

  /** A file read whole from Cache Storage: exact size, done, and no part of the network speed. */
  servedFromCache(path: string, bytes: number): void {
    Object.assign(this.file(path), { size: bytes, sizeIsApproximate: false, loaded: bytes, done: true });
    this.filesFromCache += 1;
  }

  /** The response's headers arrived: its Content-Length, or null when it has none we can count against. */
  responseStarted(path: string, contentLength: number | null): void {
    if (contentLength === null) {
      this.missingContentLength.add(path);
      return;
    }
    Object.assign(this.file(path), { size: contentLength, sizeIsApproximate: false });
  }

  received(path: string, bytes: number): void {
    const file = this.file(path);
    file.loaded += bytes;
    // An estimate (or a lying header) smaller than what arrived would show more than 100 %.
    if (file.loaded > file.size) file.size = file.loaded;
    this.networkBytes += bytes;
    this.samples.push({ time: this.now(), bytes: this.networkBytes });
  }

  fileDone(path: string): void {
    const file = this.file(path);
    Object.assign(file, { size: file.loaded, sizeIsApproximate: false, done: true });
  }

  snapshot(): DownloadProgress {
    let loadedBytes = 0;
    let totalBytes = 0;
    let filesDone = 0;
    const approximateSizes: string[] = [];
    for (const [path, file] of this.files) {
      loadedBytes += file.loaded;
      totalBytes += file.size;
      if (file.done) filesDone += 1;
      if (file.sizeIsApproximate) approximateSizes.push(path);
    }
    const done = filesDone === this.files.size;
    const bytesPerSecond = this.speed();
    const remaining = totalBytes - loadedBytes;
    const etaSeconds = done || remaining === 0 ? 0 : bytesPerSecond > 0 ? remaining / bytesPerSecond : null;
    return {
      loadedBytes,
      totalBytes,
      filesDone,
      filesTotal: this.files.size,
      bytesPerSecond,
      etaSeconds,
      fromCache: this.allFromCache,
      filesFromCache: this.filesFromCache,
      approximateSizes,
      missingContentLength: [...this.missingContentLength],
      done,
    };
  }

  /** Bytes per second since the oldest sample still inside the window (a recent speed, not the average). */
  private speed(): number {
    const now = this.now();
    while (this.samples.length > 1 && now - this.samples[1]!.time > SPEED_WINDOW_MS) this.samples.shift();
    const oldest = this.samples[0]!;
    const seconds = (now - oldest.time) / 1000;
    return seconds > 0 ? (this.networkBytes - oldest.bytes) / seconds : 0;
  }

  private file(path: string): FileState {
    const file = this.files.get(path);
    if (!file) throw new Error(`progress for ${path}, which is not one of the files being loaded`);
    return file;
  }
}
