import type { ModelVariant } from '../../core/clip/model-catalog';
import type { FileListRef } from './file-list-protocol';

/**
 * What the page hands the worker to open: datasets and models as references the worker can open
 * itself (a URL, a directory handle, File objects — all structured-cloneable), never as decoded images.
 * A chosen folder travels as its paths; its Files are fetched as they are read (file-list-protocol.ts).
 */
export type DatasetRef =
  | { readonly kind: 'http'; readonly url: string; readonly label: string }
  | { readonly kind: 'directory'; readonly handle: FileSystemDirectoryHandle; readonly label: string }
  | { readonly kind: 'files'; readonly list: FileListRef; readonly label: string };

export type ModelRef =
  /** A catalog model: the app's own (served at /models/…) or a hub export; baseUrl = a hub mirror. */
  | { readonly kind: 'catalog'; readonly id: string; readonly variant: ModelVariant; readonly baseUrl: string | null }
  | { readonly kind: 'files'; readonly id: string; readonly files: readonly File[] };

/** Where the image encoder runs: onnxruntime-web's WebGPU or WebAssembly execution provider. */
export type ExecutionProvider = 'webgpu' | 'wasm';

/**
 * What the user asked for: a backend, or 'auto' (the default): WebGPU on a hardware adapter, WebAssembly
 * on a software one (SwiftShader, a fallback adapter), where WebAssembly is many times faster.
 */
export type BackendPreference = ExecutionProvider | 'auto';
