import { onnx } from '../formats/onnx-proto';
import { headLayers, type HeadShape } from './head';

/**
 * The trained head as a self-contained ONNX model (opset 17), to run wherever ONNX runs:
 *
 *   image_embeds [batch, inputs] (the raw CLIP image embedding)
 *     → rows / max(‖row‖₂, ε)   (what l2NormalizeRows does: zero rows stay zero)
 *     → MatMul W1 → Add b1 [→ Relu → MatMul W2 → Add b2]  = logits [batch, classes]
 *     → Sigmoid                                            = probabilities [batch, classes]
 *
 * Weights are the head's own tensors (W [in, out] row-major, as `headForward` uses them) stored as
 * little-endian float32 initializers named W1, b1[, W2, b2]. The class names are in the metadata
 * (key "classes", a JSON array, in the order of the output columns). Pure TypeScript: runs in the
 * browser as in Node.
 */
export interface HeadOnnxOptions {
  /** One name per output column. */
  readonly classes: readonly string[];
  /** ModelProto.producer_name; default "cdul-lab". */
  readonly producer?: string;
  /** ModelProto.doc_string; default: a description of the graph. */
  readonly docString?: string;
}

/** The same IR version and opset as the committed models (models/generator/onnx-serialize.ts). */
export const HEAD_ONNX_IR_VERSION = 8;
export const HEAD_ONNX_OPSET = 17;
export const HEAD_ONNX_INPUT = 'image_embeds';
export const HEAD_ONNX_OUTPUTS = { logits: 'logits', probabilities: 'probabilities' } as const;
/** ε of the normalisation: a row whose L2 norm is below it is divided by ε (a zero row stays zero). */
export const HEAD_ONNX_NORM_EPSILON = 1e-12;

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const ATTRIBUTE = onnx.AttributeProto.AttributeType;

/** Serialises the head `shape` with `params` (in `headLayers` order) as an ONNX model. */
export function headToOnnx(shape: HeadShape, params: readonly Float32Array[], options: HeadOnnxOptions): Uint8Array {
  checkShape(shape);
  if (options.classes.length !== shape.classes) {
    throw new RangeError(`headToOnnx: ${options.classes.length} class names for a head with ${shape.classes} outputs`);
  }
  const layers = headLayers(shape);
  if (params.length !== 2 * layers.length) {
    throw new RangeError(`headToOnnx: ${params.length} parameter tensors, a ${shape.kind} head has ${2 * layers.length}`);
  }

  const initializers: onnx.ITensorProto[] = [floatTensor('l2_epsilon', [], Float32Array.of(HEAD_ONNX_NORM_EPSILON))];
  const nodes: onnx.INodeProto[] = [];
  const node = (opType: string, inputs: string[], output: string, attribute: onnx.IAttributeProto[] = []) => {
    nodes.push({ name: output, opType, input: inputs, output: [output], attribute });
    return output;
  };

  // Row-wise L2 normalisation, as l2NormalizeRows: x / max(‖x‖₂, ε).
  const norm = node('ReduceL2', [HEAD_ONNX_INPUT], 'l2_norm', [
    { name: 'axes', type: ATTRIBUTE.INTS, ints: [1] },
    { name: 'keepdims', type: ATTRIBUTE.INT, i: 1 },
  ]);
  const safeNorm = node('Max', [norm, 'l2_epsilon'], 'l2_norm_clamped');
  let activation = node('Div', [HEAD_ONNX_INPUT, safeNorm], 'features');

  layers.forEach((layer, i) => {
    const w = `W${i + 1}`;
    const b = `b${i + 1}`;
    initializers.push(floatTensor(w, [layer.inputs, layer.outputs], checkParam(params[2 * i]!, w, layer.inputs * layer.outputs)));
    initializers.push(floatTensor(b, [layer.outputs], checkParam(params[2 * i + 1]!, b, layer.outputs)));
    const last = i === layers.length - 1;
    const product = node('MatMul', [activation, w], `layer${i + 1}_matmul`);
    activation = node('Add', [product, b], last ? HEAD_ONNX_OUTPUTS.logits : `layer${i + 1}_linear`);
    if (!last) activation = node('Relu', [activation], `layer${i + 1}_relu`);
  });
  node('Sigmoid', [activation], HEAD_ONNX_OUTPUTS.probabilities);

  const graph: onnx.IGraphProto = {
    name: `cdul_${shape.kind}_head`,
    node: nodes,
    initializer: initializers,
    input: [valueInfo(HEAD_ONNX_INPUT, ['batch', shape.inputs])],
    output: [
      valueInfo(HEAD_ONNX_OUTPUTS.logits, ['batch', shape.classes]),
      valueInfo(HEAD_ONNX_OUTPUTS.probabilities, ['batch', shape.classes]),
    ],
  };
  const model: onnx.IModelProto = {
    irVersion: HEAD_ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: HEAD_ONNX_OPSET }],
    producerName: options.producer ?? 'cdul-lab',
    docString: options.docString ?? defaultDocString(shape),
    graph,
    metadataProps: [
      { key: 'classes', value: JSON.stringify(options.classes) },
      { key: 'head', value: JSON.stringify({ kind: shape.kind, inputs: shape.inputs, hidden: shape.kind === 'mlp' ? shape.hidden : null, classes: shape.classes }) },
      { key: 'input_normalization', value: 'l2' },
    ],
  };
  // A copy: under Node protobufjs returns a Buffer that may be a view into a shared pool.
  return new Uint8Array(onnx.ModelProto.encode(model).finish());
}

function defaultDocString(shape: HeadShape): string {
  const head = shape.kind === 'mlp' ? `MLP head (hidden ${shape.hidden}, ReLU)` : 'linear head';
  return (
    `CDUL classifier: ${head} on L2-normalised CLIP image embeddings. Input image_embeds [batch, ${shape.inputs}] ` +
    `(raw embeddings; the graph normalises each row). Outputs logits and probabilities = sigmoid(logits), ` +
    `[batch, ${shape.classes}], one column per class (metadata "classes").`
  );
}

function checkShape(shape: HeadShape): void {
  const dims: [string, number][] = [['inputs', shape.inputs], ['classes', shape.classes]];
  if (shape.kind === 'mlp') dims.push(['hidden', shape.hidden]);
  for (const [name, value] of dims) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`headToOnnx: ${name} must be a positive integer, got ${value}`);
  }
}

function checkParam(param: Float32Array, name: string, length: number): Float32Array {
  if (param.length !== length) throw new RangeError(`headToOnnx: ${name} has ${param.length} values, expected ${length}`);
  return param;
}

function floatTensor(name: string, dims: number[], values: Float32Array): onnx.ITensorProto {
  const rawData = new Uint8Array(values.length * 4);
  const view = new DataView(rawData.buffer);
  values.forEach((value, k) => view.setFloat32(4 * k, value, true));
  return { name, dims, dataType: FLOAT, rawData };
}

function valueInfo(name: string, shape: (number | string)[]): onnx.IValueInfoProto {
  const dim = shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } };
}
