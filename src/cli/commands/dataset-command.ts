import { parseArgs } from 'node:util';
import { datasetReport } from '../../core/datasets/dataset-report';
import type { DifficultPolicy } from '../../core/types';
import { DATASET_OPTIONS, DATASET_USAGE_LINES, openCliDataset, parseDatasetChoice } from '../dataset-options';
import { formatTable } from '../format-table';
import { parseChoice } from '../option-parsers';
import { printJson, printWarnings, type CliOutput } from '../output';

export const DATASET_USAGE = `cdul dataset ${DATASET_USAGE_LINES.split('\n')[0]} [--split S] [--difficult positive|ignore] [--json]
${DATASET_USAGE_LINES.split('\n').slice(1).join('\n')}
  Summary of a dataset as the lab reads it — VOC 2007/2012, COCO 2014/2017, NUS-WIDE or a plain folder
  of photos with a class list (detected unless --format says): images, classes, objects, difficult and
  crowd instances, images without annotation, missing images, multi-label images, and every warning.`;

export async function datasetCommand(argv: string[], output: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...DATASET_OPTIONS,
      split: { type: 'string' },
      difficult: { type: 'string', default: 'positive' },
      json: { type: 'boolean', default: false },
    },
  });
  const choice = parseDatasetChoice(values);
  const policy = parseChoice<DifficultPolicy>(values.difficult, 'difficult', ['positive', 'ignore']);
  const { dataset, path } = await openCliDataset(choice, values.split ?? null, policy);
  const report = datasetReport(dataset, policy);
  if (values.json) {
    printJson(output, { ...report, path });
    return 0;
  }
  printWarnings(output, report.warnings);
  const rows = dataset.classes.map((c) => [c.token, c.promptName, report.positivesPerClass ? String(report.positivesPerClass[c.token]) : '—']);
  output.result(
    [
      `${dataset.format} dataset ${dataset.root} — split: ${dataset.split ?? 'all images'}${dataset.splits.length ? ` (splits: ${dataset.splits.join(', ')})` : ''}`,
      `images ${report.images} · classes ${dataset.classes.length} · objects ${report.objects} (${report.difficultObjects} difficult, ${report.crowdAnnotations} crowd)`,
      report.unlabelled
        ? 'no ground truth: pseudo labels only, no mAP'
        : `multi-label images ${report.multiLabelImages} with difficult counted as positive, ${report.multiLabelImagesIgnoringDifficult} when ignored · images without annotation ${report.unannotatedImages}`,
      `skipped ${dataset.skipped.length} (missing images ${report.missingImages}) · warnings ${report.warnings.length}`,
      '',
      formatTable(['class', 'prompt name', 'images'], rows),
    ].join('\n'),
  );
  return 0;
}
