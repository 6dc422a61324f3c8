import { readFileSync } from 'node:fs';
import { onnx } from '../onnx-proto';

/** Test helper: a model file decoded with onnx-proto, and its float initializers as float64. */
export function readOnnxModel(path: string | URL): onnx.ModelProto {
  return onnx.ModelProto.decode(readFileSync(path));
}

/** The initializers, typed with defaults (decode built TensorProto instances; fromObject returns them as is). */
export function initializersOf(model: onnx.ModelProto): onnx.TensorProto[] {
  return (model.graph?.initializer ?? []).map((tensor) => onnx.TensorProto.fromObject(tensor));
}

export interface WeightTensor {
  readonly dims: readonly number[];
  readonly values: Float64Array;
}

export type Weights = (name: string) => WeightTensor;

export function floatInitializers(model: onnx.ModelProto): Weights {
  const tensors = new Map<string, WeightTensor>();
  for (const tensor of initializersOf(model)) {
    if (tensor.dataType !== onnx.TensorProto.DataType.FLOAT) continue;
    const raw = tensor.rawData;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const values = Float64Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getFloat32(4 * i, true));
    tensors.set(tensor.name, { dims: tensor.dims.map(Number), values });
  }
  return (name) => {
    const tensor = tensors.get(name);
    if (!tensor) throw new Error(`no float initializer ${name}`);
    return tensor;
  };
}
