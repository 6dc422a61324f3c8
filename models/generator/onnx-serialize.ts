import { onnx } from './onnx-proto';
import {
  type GraphBuilder,
  type Initializer,
  initializerByteLength,
  ONNX_ELEMENT_TYPE,
  type ValueSpec,
} from './onnx-graph';

/**
 * Serializes a model as a stream of byte chunks, writing each initializer's raw_data straight from
 * its lazily generated buffer. protobufjs encodes the small structural parts; the large messages
 * (GraphProto, each initializer TensorProto) are framed by hand, because a length prefix only needs
 * the byte counts, which the dims give before any weight exists. Fields come out in field-number
 * order, as ONNX's own serializer writes them, and nothing depends on time or environment.
 */
export const IR_VERSION = 8;
export const OPSET_VERSION = 17;
export const PRODUCER_NAME = 'cdul-lab models/generator';

export interface ModelMetadata {
  readonly docString: string;
}

const LENGTH_DELIMITED = 2;
const fieldTag = (field: number) => varint((field << 3) | LENGTH_DELIMITED);
// Field numbers from onnx.proto.
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_RAW_DATA = 9;

export function* serializeModel(graph: GraphBuilder, metadata: ModelMetadata): Generator<Uint8Array> {
  const head = onnx.ModelProto.encode({
    irVersion: IR_VERSION,
    producerName: PRODUCER_NAME,
    docString: metadata.docString,
  }).finish();
  const graphHead = onnx.GraphProto.encode({ node: graph.nodes, name: graph.name }).finish();
  const graphTail = onnx.GraphProto.encode({
    input: graph.inputs.map(valueInfo),
    output: graph.outputs.map(valueInfo),
  }).finish();
  const frames = graph.initializers.map(initializerFrame);
  const graphLength = graphHead.length + graphTail.length + frames.reduce((n, f) => n + f.length, 0);

  yield concat([head, fieldTag(MODEL_GRAPH), varint(graphLength), graphHead]);
  for (const frame of frames) yield* frame.chunks();
  yield graphTail;
  yield onnx.ModelProto.encode({ opsetImport: [{ domain: '', version: OPSET_VERSION }] }).finish();
}

/** The whole model in memory (the small committed models). */
export function serializeModelToBytes(graph: GraphBuilder, metadata: ModelMetadata): Uint8Array {
  return concat([...serializeModel(graph, metadata)]);
}

interface Frame {
  readonly length: number;
  readonly chunks: () => Generator<Uint8Array>;
}

/** GraphProto.initializer entry: TensorProto{dims, data_type, name} then raw_data (field 9). */
function initializerFrame(init: Initializer): Frame {
  const tensorHead = onnx.TensorProto.encode({
    dims: [...init.dims],
    dataType: ONNX_ELEMENT_TYPE[init.type],
    name: init.name,
  }).finish();
  const rawLength = initializerByteLength(init);
  const rawPrefix = concat([fieldTag(TENSOR_RAW_DATA), varint(rawLength)]);
  const tensorLength = tensorHead.length + rawPrefix.length + rawLength;
  const prefix = concat([fieldTag(GRAPH_INITIALIZER), varint(tensorLength), tensorHead, rawPrefix]);
  return {
    length: prefix.length + rawLength,
    chunks: function* () {
      yield prefix;
      const raw = init.bytes();
      if (raw.length !== rawLength) throw new Error(`${init.name}: ${raw.length} bytes, expected ${rawLength}`);
      yield raw;
    },
  };
}

function valueInfo(spec: ValueSpec): onnx.IValueInfoProto {
  const dim = spec.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: spec.name, type: { tensorType: { elemType: ONNX_ELEMENT_TYPE[spec.type], shape: { dim } } } };
}

function varint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`bad varint ${value}`);
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
