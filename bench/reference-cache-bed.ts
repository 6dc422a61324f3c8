import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encode as encodeJpeg } from 'jpeg-js';
import { aggregate, snippetExtremes } from '../src/core/cdul/aggregate';
import { floats, pickleOf, ptFile, tensorCall } from '../src/core/formats/__fixtures__/torch-pt-builder';
import { VOC_CLASSES } from '../src/core/voc/voc-classes';
import { syntheticScores } from './synthetic-scores';

/**
 * A reference cache at real size, for the benchmarks and for profiling by hand: a VOC root
 * `<dir>/VOC2012/` holding minimal Annotations/, ImageSets/Main/train.txt, a 1×1 JPEG per image and
 * `clip_cache/model_RN50x64/` in the reference reproduction's layout (e2e/fixtures/seed-cache-sample):
 * global/<id>.pt, num_patches_3/alpha|beta/<id>.pt and the aggregates at ζ 0, 0.1, … 0.7 — 11 `.pt`
 * files per image, as many as the real cache has (~62,000 for VOC train), of which the lab needs 3.
 * Files are built byte for byte like torch.save's (the repo's own builder): the record prefix is the
 * image id, global is a [20] view at an offset into a batch's storage, α/β are [1, 20] rows.
 *
 * `npx tsx bench/reference-cache-bed.ts DIR [IMAGES]` writes one and prints the VOC root.
 */
export interface ReferenceCacheBed {
  /** The VOC root (what a user picks with "Choose a dataset folder"). */
  readonly vocRoot: string;
  readonly images: number;
  readonly files: number;
  remove(): void;
}

export const BED_MODEL = 'RN50x64';
const GRID = 3;
const THRESHOLDS = ['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7'];
/** torch.save of one row of a batch keeps the batch's storage: global rows are views into 8 × 20. */
const BATCH = 8;

export function writeReferenceCacheBed(images = 5717, parent = mkdtempSync(join(tmpdir(), 'cdul-refcache-bed-'))): ReferenceCacheBed {
  const vocRoot = join(parent, 'VOC2012');
  const model = join(vocRoot, 'clip_cache', `model_${BED_MODEL}`);
  const grid = join(model, `num_patches_${GRID}`);
  const folders = {
    annotations: join(vocRoot, 'Annotations'),
    jpegs: join(vocRoot, 'JPEGImages'),
    global: join(model, 'global'),
    alpha: join(grid, 'alpha'),
    beta: join(grid, 'beta'),
  };
  const aggregateFolders = THRESHOLDS.map((t) => join(grid, `thresh_${t}`, 'aggregate'));
  for (const folder of [...Object.values(folders), ...aggregateFolders, join(vocRoot, 'ImageSets', 'Main')]) mkdirSync(folder, { recursive: true });

  const classes = VOC_CLASSES.length;
  const data = syntheticScores(images, classes, GRID * GRID);
  const extremes = snippetExtremes(data.local, images, GRID * GRID, classes);
  const aggregates = THRESHOLDS.map((t) => aggregate(extremes, Number(t)).data);
  const ids = Array.from({ length: images }, (_, i) => `${2008 + (i % 4)}_${String(i).padStart(6, '0')}`);
  const jpeg = encodeJpeg({ width: 1, height: 1, data: new Uint8Array([128, 128, 128, 255]) }, 90).data;
  let files = 1;
  const write = (path: string, bytes: Uint8Array | string) => {
    writeFileSync(path, bytes);
    files++;
  };
  ids.forEach((id, i) => {
    const row = (values: Float32Array) => Array.from(values.subarray(i * classes, (i + 1) * classes));
    write(join(folders.annotations, `${id}.xml`), annotationXml(id, Array.from(data.labels.data.subarray(i * classes, (i + 1) * classes))));
    write(join(folders.jpegs, `${id}.jpg`), jpeg);
    write(join(folders.global, `${id}.pt`), batchRowPt(id, data.global.data, i, classes));
    write(join(folders.alpha, `${id}.pt`), rowPt(id, row(extremes.alpha.data)));
    write(join(folders.beta, `${id}.pt`), rowPt(id, row(extremes.beta.data)));
    aggregateFolders.forEach((folder, k) => write(join(folder, `${id}.pt`), vectorPt(id, row(aggregates[k]!))));
  });
  writeFileSync(join(vocRoot, 'ImageSets', 'Main', 'train.txt'), `${ids.join('\n')}\n`);
  return { vocRoot, images, files, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

function vectorPt(id: string, values: number[]): Uint8Array {
  return ptFile(pickleOf(tensorCall({ numel: values.length, size: [values.length] })), floats(values), {}, id);
}

function rowPt(id: string, values: number[]): Uint8Array {
  return ptFile(pickleOf(tensorCall({ numel: values.length, size: [1, values.length] })), floats(values), {}, id);
}

/** Row `i` of its batch of BATCH rows, the storage holding the whole batch. */
function batchRowPt(id: string, all: Float32Array, i: number, classes: number): Uint8Array {
  const first = i - (i % BATCH);
  const storage = Array.from(all.subarray(first * classes, (first + BATCH) * classes));
  const call = tensorCall({ numel: storage.length, offset: (i - first) * classes, size: [classes] });
  return ptFile(pickleOf(call), floats(storage), {}, id);
}

/** Object names only (boxes are placeholders); a 0 label is a difficult-only object. */
function annotationXml(id: string, labels: number[]): string {
  const objects = labels.flatMap((label, c) =>
    label === -1 ? [] : [`<object><name>${VOC_CLASSES[c]}</name><difficult>${label === 0 ? 1 : 0}</difficult><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>`],
  );
  return `<annotation><filename>${id}.jpg</filename><size><width>1</width><height>1</height><depth>3</depth></size>${objects.join('')}</annotation>`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) throw new Error('usage: tsx bench/reference-cache-bed.ts DIR [IMAGES]');
  mkdirSync(dir, { recursive: true });
  const bed = writeReferenceCacheBed(Number(count ?? 5717), dir);
  console.log(`${bed.vocRoot}: ${bed.images} images, ${bed.files} files`);
}
