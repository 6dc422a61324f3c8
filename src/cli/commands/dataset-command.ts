import { parseArgs } from 'node:util';
import { loadVocDataset, naturalClassName, summarizeDataset } from '../../core/voc';
import type { DifficultPolicy } from '../../core/types';
import { createNodeFileSource } from '../node-file-source';
import { formatTable } from '../format-table';
import { parseChoice, requireOption } from '../option-parsers';
import { printJson, printWarnings, type CliOutput } from '../output';

export const DATASET_USAGE = `cdul dataset --voc DIR [--split S] [--difficult positive|ignore] [--json]
  Summary of a PASCAL VOC folder as the lab reads it: images, classes, objects, difficult objects,
  multi-label images, and every warning (files skipped, unknown class names, no ImageSets, …).`;

export async function datasetCommand(argv: string[], output: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      voc: { type: 'string' },
      split: { type: 'string' },
      difficult: { type: 'string', default: 'positive' },
      json: { type: 'boolean', default: false },
    },
  });
  const vocDir = requireOption(values.voc, 'voc');
  const policy = parseChoice<DifficultPolicy>(values.difficult, 'difficult', ['positive', 'ignore']);
  const dataset = await loadVocDataset(createNodeFileSource(vocDir), { split: values.split, difficult: policy });
  const summary = summarizeDataset(dataset, 'positive');
  const ignoring = summarizeDataset(dataset, 'ignore');
  const warnings = [...dataset.warnings, ...dataset.skipped.map((item) => `skipped ${item.id}: ${item.reason}`)];

  if (values.json) {
    printJson(output, {
      root: dataset.root,
      split: dataset.split,
      images: summary.images,
      classes: dataset.classes,
      classOrigin: dataset.classOrigin,
      objects: summary.objects,
      difficultObjects: summary.difficultObjects,
      multiLabelImages: summary.multiLabelImages,
      multiLabelImagesIgnoringDifficult: ignoring.multiLabelImages,
      difficultOnlyPairs: summary.difficultOnlyPairs,
      positivesPerClass: Object.fromEntries(dataset.classes.map((name, c) => [name, summary.positivesPerClass[c]])),
      classesWithoutPositives: summarizeDataset(dataset, policy).classesWithoutPositives,
      skipped: dataset.skipped,
      warnings,
    });
    return 0;
  }
  printWarnings(output, warnings);
  const rows = dataset.classes.map((name, c) => [
    name,
    naturalClassName(name),
    String(summary.positivesPerClass[c]),
    String(summary.difficultOnlyPerClass[c]),
  ]);
  output.result(
    [
      `VOC dataset ${dataset.root} — split: ${dataset.split ?? 'all annotated images'}`,
      `images ${summary.images} · classes ${summary.classes} · objects ${summary.objects} (${summary.difficultObjects} difficult)`,
      `multi-label images ${summary.multiLabelImages} with difficult counted as positive, ${ignoring.multiLabelImages} when ignored`,
      `skipped ${dataset.skipped.length} · warnings ${warnings.length}`,
      '',
      formatTable(['class', 'prompt name', 'images', 'difficult-only'], rows),
    ].join('\n'),
  );
  return 0;
}
