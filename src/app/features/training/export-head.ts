import { exportFileStem, trainingRunPart } from '../../../core/export/export-file-name';
import { keptEpochOf } from '../../../core/training/trainer';
import type { TrainingRunRecord } from '../../../worker/protocol/training-protocol';
import type { TrainingController } from '../../state/training-controller';
import { download } from '../../lib/download';
import { trainingImagesRun } from '../../state/exported-run';

/**
 * Downloads the head of the epoch the run keeps (the best held-out epoch, else the last finished one)
 * as an ONNX model (raw CLIP embeddings in).
 */
export async function exportHeadOnnx(controller: TrainingController, run: TrainingRunRecord): Promise<void> {
  const checkpoint = await controller.checkpoint(run.meta.id);
  const kept = checkpoint && keptEpochOf(checkpoint);
  if (!kept) throw new Error(`${run.meta.name} has no finished epoch to export`);
  // onnx-proto and protobufjs (~340 KB) load only when a head is exported.
  const { headToOnnx } = await import('../../../core/training/onnx-head');
  const { settings, dim, classes } = run.meta;
  const shape = { kind: settings.head, inputs: dim, hidden: settings.hidden, classes: classes.length };
  const bytes = headToOnnx(shape, kept.params, {
    classes,
    producer: 'CDUL Lab',
    docString: `CDUL head ${run.meta.name} after epoch ${kept.epoch}${kept.selectedByHeldOut ? ' (lowest held-out KL)' : ''}: ${JSON.stringify(settings)}`,
  });
  const stem = exportFileStem(trainingImagesRun(run.meta), 'head', trainingRunPart(run.meta.name), settings.head, `epoch${kept.epoch}`);
  download(`${stem}.onnx`, bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
}
