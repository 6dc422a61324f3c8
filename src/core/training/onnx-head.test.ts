import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { onnx } from '../formats/onnx-proto';
import { seededRandom } from '../seeded-random';
import { createMatrix } from '../types';
import { headForward, initHeadParams, type HeadShape } from './head';
import { l2NormalizeRows } from './normalize-features';
import { headToOnnx } from './onnx-head';

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));

function randomArray(length: number, random: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length }, () => (2 * random() - 1) * scale);
}

/** Seeded head params with non-zero biases and weights perturbed away from the initialisation. */
function trainedLikeParams(shape: HeadShape): Float32Array[] {
  const random = seededRandom(5);
  const params = initHeadParams(shape, 9);
  for (const param of params) for (let k = 0; k < param.length; k++) param[k] = param[k]! + (2 * random() - 1) * 0.3;
  return params;
}

/** Raw embeddings of varied (non-unit) norms, with row 0 all zero. */
function rawEmbeddings(rows: number, cols: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const x = new Float32Array(rows * cols);
  for (let r = 1; r < rows; r++) {
    const scale = 0.05 + 20 * random();
    x.set(randomArray(cols, random, scale), r * cols);
  }
  return x;
}

const classesOf = (n: number) => Array.from({ length: n }, (_, c) => `class ${c} "é"`);

describe.each<HeadShape>([
  { kind: 'linear', inputs: 24, hidden: 0, classes: 5 },
  { kind: 'mlp', inputs: 24, hidden: 16, classes: 5 },
])('headToOnnx, $kind head, run by onnxruntime-node', (shape) => {
  const params = trainedLikeParams(shape);
  const classes = classesOf(shape.classes);
  const bytes = headToOnnx(shape, params, { classes, docString: 'a test head' });

  it.each([1, 37])('batch %i: logits and probabilities match headForward on l2NormalizeRows(x)', async (batch) => {
    const session = await ort.InferenceSession.create(bytes);
    expect(session.inputNames).toEqual(['image_embeds']);
    expect(session.outputNames).toEqual(['logits', 'probabilities']);
    const x = rawEmbeddings(batch, shape.inputs, 100 + batch);
    const result = await session.run({ image_embeds: new ort.Tensor('float32', x, [batch, shape.inputs]) });
    const logits = result.logits!;
    const probabilities = result.probabilities!;
    expect(logits.dims).toEqual([batch, shape.classes]);
    expect(probabilities.dims).toEqual([batch, shape.classes]);

    const expected = headForward(shape, params, l2NormalizeRows(createMatrix(batch, shape.inputs, x)).data, batch).logits;
    const gotLogits = logits.data as Float32Array;
    const gotProbabilities = probabilities.data as Float32Array;
    expected.forEach((logit, k) => {
      expect(Math.abs(gotLogits[k]! - logit), `logit ${k}`).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(gotProbabilities[k]! - sigmoid(logit)), `probability ${k}`).toBeLessThanOrEqual(1e-5);
    });
    // The zero row: the head of a zero feature vector, not NaN.
    const zeroRow = headForward(shape, params, new Float32Array(shape.inputs), 1).logits;
    for (let c = 0; c < shape.classes; c++) expect(gotLogits[c]).toBeCloseTo(zeroRow[c]!, 5);
    await session.release();
  });

  it('carries the class names, the doc string, opset 17 and a dynamic batch dimension', () => {
    const model = onnx.ModelProto.decode(bytes);
    const metadata = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(JSON.parse(metadata.classes!)).toEqual(classes);
    expect(JSON.parse(metadata.head!)).toMatchObject({ kind: shape.kind, inputs: shape.inputs, classes: shape.classes });
    expect(model.docString).toBe('a test head');
    expect(model.producerName).toBe('cdul-lab');
    expect(Number(model.irVersion)).toBe(8);
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    const graph = model.graph!;
    const dims = graph.input![0]!.type!.tensorType!.shape!.dim!;
    expect(dims.map((d) => d.dimParam || Number(d.dimValue))).toEqual(['batch', shape.inputs]);
    expect(graph.initializer!.map((t) => t.name)).toEqual(
      shape.kind === 'linear' ? ['l2_epsilon', 'W1', 'b1'] : ['l2_epsilon', 'W1', 'b1', 'W2', 'b2'],
    );
  });

  it('is deterministic', () => {
    expect(headToOnnx(shape, params, { classes, docString: 'a test head' })).toEqual(bytes);
  });
});

describe('headToOnnx input checks', () => {
  const shape: HeadShape = { kind: 'mlp', inputs: 6, hidden: 4, classes: 3 };
  const params = initHeadParams(shape, 1);
  const classes = classesOf(3);

  it('throws a RangeError naming the tensor whose length is wrong', () => {
    for (const [index, name] of [[0, 'W1'], [1, 'b1'], [2, 'W2'], [3, 'b2']] as const) {
      const bad = params.map((param, i) => (i === index ? param.subarray(1) : param));
      expect(() => headToOnnx(shape, bad, { classes })).toThrow(RangeError);
      expect(() => headToOnnx(shape, bad, { classes })).toThrow(new RegExp(`\\b${name} has ${params[index]!.length - 1} values, expected ${params[index]!.length}`));
    }
  });

  it('throws a RangeError for a wrong number of tensors or class names', () => {
    expect(() => headToOnnx(shape, params.slice(0, 2), { classes })).toThrow(/2 parameter tensors, a mlp head has 4/);
    expect(() => headToOnnx(shape, params, { classes: classes.slice(1) })).toThrow(RangeError);
    expect(() => headToOnnx({ ...shape, kind: 'linear' }, params, { classes })).toThrow(RangeError);
  });
});
