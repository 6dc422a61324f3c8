/**
 * The committed dataset in public/demo/voc-demo: what the generator makes, read correctly by the
 * lab's own VOC reader, and its pictures show what its annotations say.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLASS_COLOURS, type Rgb } from '../../models/generator/demo-palette';
import { nodeJpegCodec } from '../../src/cli/image/node-jpeg-codec';
import { createNodeFileSource } from '../../src/cli/node-file-source';
import { decodeImage } from '../../src/core/image/decode-image';
import {
  VOC_CLASSES,
  isVocClass,
  loadVocDataset,
  summarizeDataset,
  type VocClass,
} from '../../src/core/voc';
import {
  DEMO_DATASET_DIR,
  FILE_INDEX,
  buildScenes,
  datasetTextFiles,
  jpegFile,
  jpegPath,
  type DemoImage,
} from './dataset';
import type { DemoSplit } from './class-plan';
import { listTree } from './file-tree';

const ROOT = DEMO_DATASET_DIR;
const scenes = buildScenes();
const read = (file: string): Promise<Buffer> => readFile(path.join(ROOT, file));

describe('public/demo/voc-demo is what the generator makes', () => {
  it('holds exactly the generated files', async () => {
    const jpegs = scenes.map((image) => jpegPath(image.id));
    const expected = [...jpegs, ...datasetTextFiles(scenes).map((file) => file.path)];
    expect(await listTree(ROOT)).toEqual(expected.sort());
  });

  it('has a files.json that lists every other file, sorted (HTTP cannot list folders)', async () => {
    const index = JSON.parse((await read(FILE_INDEX)).toString('utf8')) as { files: string[] };
    const others = (await listTree(ROOT)).filter((file) => file !== FILE_INDEX);
    expect(index.files).toEqual(others);
  });

  it('has byte-identical annotations, image sets, SOURCE.md and files.json', async () => {
    const differing: string[] = [];
    for (const file of datasetTextFiles(scenes)) {
      if (!(await read(file.path)).equals(file.bytes)) differing.push(file.path);
    }
    expect(differing, 'run `npm run demo-dataset` after changing the generator').toEqual([]);
  });

  // Encoding is the slow part (~30 ms an image with jpeg-js): one image in ten here, every one in
  // `npm run demo-dataset:check`. Each image has its own seeds, so a sample is representative.
  it('has byte-identical JPEGs (every tenth image)', async () => {
    const differing: string[] = [];
    for (const image of scenes.filter((_, i) => i % 10 === 0)) {
      const file = jpegFile(image);
      if (!(await read(file.path)).equals(file.bytes)) differing.push(file.path);
    }
    expect(differing, 'run `npm run demo-dataset` after changing the generator').toEqual([]);
  });
});

describe("the lab's VOC reader on the demo dataset", () => {
  const source = createNodeFileSource(ROOT);
  const idsOf = (splits: readonly DemoSplit[]): string[] =>
    scenes.filter((image) => splits.includes(image.split)).map((image) => image.id);
  const cases: readonly (readonly [string, readonly DemoSplit[]])[] = [
    ['train', ['train']],
    ['val', ['val']],
    ['trainval', ['train', 'val']],
  ];

  for (const [split, members] of cases) {
    it(`reads ${split}: ids, 20 classes, the same labels from XML and from class files`, async () => {
      const fromXml = await loadVocDataset(source, { split, labelsFrom: 'annotations' });
      const fromFiles = await loadVocDataset(source, { split, labelsFrom: 'class-files' });
      expect(fromXml.ids).toEqual(idsOf(members));
      expect(fromXml.classes).toEqual([...VOC_CLASSES]);
      expect(fromXml.classOrigin).toBe('image-sets');
      const problems = [fromXml.skipped, fromXml.warnings, fromFiles.skipped, fromFiles.warnings];
      expect(problems).toEqual([[], [], [], []]);
      expect(fromFiles.ids).toEqual(fromXml.ids);
      expect(fromFiles.labels).toEqual(fromXml.labels);

      const images = scenes.filter((image) => members.includes(image.split));
      const objects = images.flatMap((image) => image.layout.objects);
      const summary = summarizeDataset(fromXml, 'ignore');
      expect(summary.images).toBe(images.length);
      expect(summary.objects).toBe(objects.length);
      expect(summary.difficultObjects).toBe(objects.filter((object) => object.difficult).length);
      // Classes never repeat within an image, so each difficult object is a difficult-only pair.
      expect(summary.difficultOnlyPairs).toBe(summary.difficultObjects);
      expect(summary.classesWithoutPositives).toEqual([]);
      expect(summary.multiLabelImages).toBeGreaterThan(0.9 * images.length);
    });
  }

  it('reads every image from Annotations/ when no split is named (there are several)', async () => {
    const all = await loadVocDataset(source);
    expect(all.split).toBeNull();
    expect(all.ids).toHaveLength(scenes.length);
    expect(all.images.every((image) => image.size?.depth === 3)).toBe(true);
  });
});

interface XmlBox {
  readonly name: string;
  readonly bndbox: {
    readonly xmin: number;
    readonly ymin: number;
    readonly xmax: number;
    readonly ymax: number;
  };
}

const xmlParser = new XMLParser({ isArray: (tag) => tag === 'object' });

interface XmlAnnotation {
  readonly width: number;
  readonly height: number;
  readonly objects: XmlBox[];
}

async function annotatedBoxes(id: string): Promise<XmlAnnotation> {
  const parsed = xmlParser.parse(await read(`Annotations/${id}.xml`)) as {
    annotation: { size: { width: number; height: number }; object: XmlBox[] };
  };
  return { ...parsed.annotation.size, objects: parsed.annotation.object };
}

const distance = (a: Rgb, b: Rgb): number => Math.max(...a.map((value, i) => Math.abs(value - b[i]!)));

describe('the JPEGs', () => {
  let decoded: Map<string, { width: number; height: number; data: Uint8Array }>;
  beforeAll(async () => {
    decoded = new Map();
    for (const image of scenes) {
      const bytes = await read(jpegPath(image.id));
      decoded.set(image.id, decodeImage(new Uint8Array(bytes), image.id, nodeJpegCodec())); // as the lab decodes them
    }
  });

  it('decode to the sizes the annotations declare', async () => {
    for (const image of scenes) {
      const { width, height } = await annotatedBoxes(image.id);
      const jpeg = decoded.get(image.id)!;
      expect([jpeg.width, jpeg.height], image.id).toEqual([width, height]);
    }
  });

  // Brightness jitter (±6%, up to 15 levels) plus JPEG error: 24 levels per channel, and the class
  // colour must be the nearest of the 20, so the colour says the class.
  it('show each annotated ellipse and rectangle in its class colour at the box centre', async () => {
    const centreColour = (image: DemoImage, box: XmlBox['bndbox']): Rgb => {
      const jpeg = decoded.get(image.id)!;
      // 1-based inclusive box → 0-based pixel at its centre.
      const x = Math.floor((box.xmin - 1 + box.xmax) / 2);
      const y = Math.floor((box.ymin - 1 + box.ymax) / 2);
      const offset = (y * jpeg.width + x) * 3;
      return [jpeg.data[offset]!, jpeg.data[offset + 1]!, jpeg.data[offset + 2]!];
    };
    let checked = 0;
    for (const image of scenes) {
      const { objects } = await annotatedBoxes(image.id);
      objects.forEach((object, i) => {
        const shape = image.layout.objects[i]?.shape;
        if (shape === 'triangle' || !isVocClass(object.name)) return;
        const colour = centreColour(image, object.bndbox);
        const away = (name: VocClass): number => distance(colour, DEMO_CLASS_COLOURS[name]);
        const nearest = VOC_CLASSES.reduce((best, name) => (away(name) < away(best) ? name : best));
        const what = `${image.id} ${object.name}`;
        expect(away(object.name), what).toBeLessThanOrEqual(24);
        expect(nearest, what).toBe(object.name);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(500);
  });
});
