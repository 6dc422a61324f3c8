import { towerPath, type ModelVariant } from '../../core/clip/model-catalog';

/**
 * The bytes of one CLIP model folder, keyed by hub-layout path, wherever they came from (a download, the
 * browser cache or the user's own files). The variant says which tower files are the model.
 */
export class ModelFiles {
  constructor(
    readonly variant: ModelVariant,
    private readonly byPath: ReadonlyMap<string, ArrayBuffer>,
    /** Things the user should know that did not stop the load, e.g. a file the cache could not store. */
    readonly notes: readonly string[] = [],
    /** Paths read from the browser's model cache (not downloaded now): the ones a damaged copy can be. */
    readonly fromCache: ReadonlySet<string> = new Set(),
  ) {}

  get paths(): string[] {
    return [...this.byPath.keys()];
  }

  get totalBytes(): number {
    let sum = 0;
    for (const buffer of this.byPath.values()) sum += buffer.byteLength;
    return sum;
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  get(path: string): ArrayBuffer {
    const buffer = this.byPath.get(path);
    if (!buffer) throw new Error(`the model has no ${path} (it has ${this.paths.join(', ')})`);
    return buffer;
  }

  /** A JSON or tokenizer file as text, for the core's parsers. */
  text(path: string): string {
    return new TextDecoder().decode(this.get(path));
  }

  get vision(): ArrayBuffer {
    return this.get(towerPath('vision', this.variant));
  }

  get textModel(): ArrayBuffer {
    return this.get(towerPath('text', this.variant));
  }
}
