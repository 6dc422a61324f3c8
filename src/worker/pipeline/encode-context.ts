import type { FileSource } from '../../core/dataset-source';
import type { GpuKind } from '../inference/ort-web';
import type { WebClipModel } from '../inference/web-clip-model';
import type { FromWorker, RunRequest } from '../protocol/pipeline-protocol';
import type { EmbeddingStore } from '../storage/embedding-store';
import type { ProbeBackend } from './encode-meters';
import type { RunControl } from './run-control';

/** What encoding a run's chunks needs: the run, its dataset and model, and where to report. */
export interface EncodeContext {
  readonly request: RunRequest;
  readonly control: RunControl;
  readonly store: EmbeddingStore;
  readonly post: (message: FromWorker) => void;
  /** The dataset's root: image paths are relative to it. */
  readonly source: FileSource;
  readonly rootPath: string;
  readonly model: WebClipModel;
  readonly imageFiles: ReadonlyMap<string, string>;
  readonly key: string;
  readonly chunks: string[][];
  readonly gpu: GpuKind;
  readonly probe: ProbeBackend;
  /** Creates the run again when its records are gone (the browser's storage was cleared mid-run). */
  readonly reopenRun: () => Promise<void>;
}
