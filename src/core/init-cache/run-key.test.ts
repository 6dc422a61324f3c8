import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { datasetFingerprint, runKey, sha256Hex, type DatasetFileEntry, type RunKeyParts } from './run-key';

const files: DatasetFileEntry[] = [
  { path: 'JPEGImages/000001.jpg', size: 12_345, lastModified: 1_700_000_000_000 },
  { path: 'JPEGImages/000002.jpg', size: 23_456, lastModified: 1_700_000_000_500 },
  { path: 'Annotations/000001.xml', size: 678, lastModified: 1_700_000_001_000 },
  { path: 'ImageSets/Main/train.txt', size: 14, lastModified: 1_700_000_002_000 },
];

const parts: RunKeyParts = {
  datasetFingerprint: datasetFingerprint(files),
  split: 'train',
  modelId: 'tiny-vit',
  preprocessing: {
    inputSize: 224,
    resizeShortestEdge: 224,
    mean: [0.48145466, 0.4578275, 0.40821073],
    std: [0.26862954, 0.26130258, 0.27577711],
    rescaleFactor: 1 / 255,
  },
  grid: 3,
};

describe('sha256Hex', () => {
  it('equals node:crypto around the padding boundaries and for any Unicode (UTF-8, lone surrogates as U+FFFD)', () => {
    const texts = [
      '',
      'abc',
      ...[55, 56, 63, 64, 65, 119, 120, 1000].map((n) => 'x'.repeat(n)),
      'Ångström – 東京 – 🐈‍⬛ – \u0000',
      'lone \ud800 surrogate \udc00',
      'reversed pair \udc00\ud800, high at the end \ud83d',
    ];
    for (const text of texts) expect(sha256Hex(text), JSON.stringify(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('datasetFingerprint', () => {
  it('is stable: a known value, so a change of the canonical form (which orphans every cache) is deliberate', () => {
    expect(datasetFingerprint(files)).toBe(datasetFingerprint(structuredClone(files)));
    expect(datasetFingerprint([])).toBe(sha256Hex('[]'));
    expect(datasetFingerprint([{ path: 'a.jpg', size: 1 }])).toBe(sha256Hex('[["a.jpg",1,null]]'));
  });

  it('does not depend on the order the folder was listed in', () => {
    const reversed = [...files].reverse();
    const rotated = [...files.slice(2), ...files.slice(0, 2)];
    expect(datasetFingerprint(reversed)).toBe(datasetFingerprint(files));
    expect(datasetFingerprint(rotated)).toBe(datasetFingerprint(files));
  });

  it('changes with any renamed, resized, touched, added or removed file', () => {
    const base = datasetFingerprint(files);
    const changed = (index: number, change: Partial<DatasetFileEntry>) =>
      datasetFingerprint(files.map((entry, i) => (i === index ? { ...entry, ...change } : entry)));
    const variants = [
      changed(0, { path: 'JPEGImages/000003.jpg' }),
      changed(1, { size: 23_457 }),
      changed(2, { lastModified: 1_700_000_001_001 }),
      changed(3, { lastModified: undefined }),
      datasetFingerprint([...files, { path: 'JPEGImages/000004.jpg', size: 1 }]),
      datasetFingerprint(files.slice(1)),
      // A path cannot forge a separator: the same characters split differently are another dataset.
      datasetFingerprint([{ path: 'a', size: 1 }, { path: 'b', size: 2 }]),
      datasetFingerprint([{ path: 'a",1,null],["b', size: 2 }]),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});

describe('runKey', () => {
  it('is readable and stable', () => {
    const key = runKey(parts);
    expect(key).toMatch(/^voc:[0-9a-f]{12}\/split:train\/model:tiny-vit\/pre:[0-9a-f]{8}\/grid:3$/);
    expect(key.slice(4, 16)).toBe(parts.datasetFingerprint.slice(0, 12));
    expect(runKey(structuredClone(parts))).toBe(key);
  });

  it('changes with each field, and with each number of the preprocessing', () => {
    const pre = parts.preprocessing;
    const variants: RunKeyParts[] = [
      { ...parts, datasetFingerprint: datasetFingerprint(files.slice(1)) },
      { ...parts, split: 'val' },
      { ...parts, modelId: 'demo-clip' },
      { ...parts, grid: 2 },
      { ...parts, preprocessing: { ...pre, inputSize: 336 } },
      { ...parts, preprocessing: { ...pre, resizeShortestEdge: 256 } },
      { ...parts, preprocessing: { ...pre, rescaleFactor: 1 } },
      ...[0, 1, 2].map((i) => ({ ...parts, preprocessing: { ...pre, mean: pre.mean.map((m, j) => (j === i ? m + 1e-7 : m)) } })),
      ...[0, 1, 2].map((i) => ({ ...parts, preprocessing: { ...pre, std: pre.std.map((s, j) => (j === i ? s * 1.0001 : s)) } })),
      { ...parts, preprocessing: { ...pre, mean: pre.std, std: pre.mean } },
    ];
    const keys = [parts, ...variants].map(runKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('ignores fields of the preprocessing it does not hash (a whole model config may be passed)', () => {
    const config = { ...parts.preprocessing, cropSize: 224, logitScale: 100, projectionDim: 512 };
    expect(runKey({ ...parts, preprocessing: config })).toBe(runKey(parts));
  });

  it('escapes split and model id, so a "/" cannot make two runs collide', () => {
    const a = runKey({ ...parts, split: 'train/model:x', modelId: 'y' });
    const b = runKey({ ...parts, split: 'train', modelId: 'x/model:y' });
    expect(a).not.toBe(b);
    expect(runKey({ ...parts, modelId: 'openai/clip-vit-base-patch32' })).toContain('/model:openai%2Fclip-vit-base-patch32/');
  });

  it('refuses a fingerprint that is not a hash and a grid that is not a positive integer', () => {
    expect(() => runKey({ ...parts, datasetFingerprint: 'my-folder' })).toThrow(/not a hex hash/);
    expect(() => runKey({ ...parts, grid: 0 })).toThrow(/grid 0/);
    expect(() => runKey({ ...parts, grid: 2.5 })).toThrow(/grid 2.5/);
  });
});
