import type { CatalogFile } from '../../core/clip/model-catalog';
import type { DamagedCacheFile, DownloadProgress } from '../protocol/pipeline-protocol';

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
  private readonly damagedInCache: DamagedCacheFile[] = [];
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

  /** A stored copy that was damaged: deleted, and the file is downloaded again (said with the progress). */
  foundDamaged(damaged: DamagedCacheFile): void {
    this.file(damaged.path);
    this.damagedInCache.push(damaged);
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
      damagedInCache: [...this.damagedInCache],
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
