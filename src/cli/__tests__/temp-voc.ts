import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VOC_MINI } from './run-cli';

/** A throw-away VOC root the test can fill: images, annotations and a split file. */
export interface TempVoc {
  readonly root: string;
  /** Copies a voc-mini image and its annotation under `id` (default: the same id). */
  addVocMiniImage(sourceId: string, id?: string): void;
  /** Writes image bytes under JPEGImages/<name> with an annotation copied from a voc-mini image. */
  addImageFile(name: string, bytes: Uint8Array | string, annotationFrom?: string): void;
  writeSplit(split: string, ids: readonly string[]): void;
}

export function createTempVoc(prefix: string): TempVoc {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['JPEGImages', 'Annotations', 'ImageSets/Main']) mkdirSync(join(root, dir), { recursive: true });
  const annotate = (fromId: string, id: string) =>
    writeFileSync(
      join(root, 'Annotations', `${id}.xml`),
      readFileSync(join(VOC_MINI, 'Annotations', `${fromId}.xml`), 'utf8').replace(`${fromId}.jpg`, `${id}.jpg`),
    );
  return {
    root,
    addVocMiniImage(sourceId, id = sourceId) {
      copyFileSync(join(VOC_MINI, 'JPEGImages', `${sourceId}.jpg`), join(root, 'JPEGImages', `${id}.jpg`));
      annotate(sourceId, id);
    },
    addImageFile(name, bytes, annotationFrom) {
      writeFileSync(join(root, 'JPEGImages', name), bytes);
      if (annotationFrom) annotate(annotationFrom, name.replace(/\.[^.]+$/, ''));
    },
    writeSplit(split, ids) {
      writeFileSync(join(root, 'ImageSets/Main', `${split}.txt`), `${ids.join('\n')}\n`);
    },
  };
}

/** The first `count` voc-mini image ids, sorted. */
export function vocMiniIds(count: number): string[] {
  return readdirSync(join(VOC_MINI, 'JPEGImages'))
    .filter((name) => name.endsWith('.jpg'))
    .map((name) => name.slice(0, -'.jpg'.length))
    .sort()
    .slice(0, count);
}
