import { onnx } from './onnx-proto';

/**
 * A small ONNX graph builder: nodes are added in topological order (the order the towers are
 * written in), every node has one output named after the node, and initializers are *lazy* — their
 * bytes are produced only when the model is serialized, so a 350 MB model never holds all its
 * weights in memory at once.
 */
export type ElementType = 'float32' | 'int32' | 'int64';

export const ONNX_ELEMENT_TYPE: Readonly<Record<ElementType, number>> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
};

const ELEMENT_BYTES: Readonly<Record<ElementType, number>> = { float32: 4, int32: 4, int64: 8 };

export interface Initializer {
  readonly name: string;
  readonly type: ElementType;
  readonly dims: readonly number[];
  /** Little-endian raw bytes; called once, at serialization time. */
  readonly bytes: () => Uint8Array;
}

export function initializerByteLength(init: Initializer): number {
  return init.dims.reduce((n, d) => n * d, 1) * ELEMENT_BYTES[init.type];
}

/** A graph input or output: a dimension is a number or a symbolic name such as 'batch'. */
export interface ValueSpec {
  readonly name: string;
  readonly type: ElementType;
  readonly shape: readonly (number | string)[];
}

export type AttributeValue = number | readonly number[] | { readonly float: number };

export class GraphBuilder {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: Initializer[] = [];
  readonly inputs: ValueSpec[] = [];
  readonly outputs: ValueSpec[] = [];
  private readonly names = new Set<string>();

  constructor(readonly name: string) {}

  input(spec: ValueSpec): string {
    this.claim(spec.name);
    this.inputs.push(spec);
    return spec.name;
  }

  output(spec: ValueSpec): void {
    this.outputs.push(spec);
  }

  /** Adds a node whose single output is named `name`; returns that name for the next node. */
  node(
    name: string,
    opType: string,
    inputs: readonly string[],
    attributes: Readonly<Record<string, AttributeValue>> = {},
  ): string {
    this.claim(name);
    this.nodes.push({
      name,
      opType,
      input: [...inputs],
      output: [name],
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return name;
  }

  initializer(init: Initializer): string {
    this.claim(init.name);
    this.initializers.push(init);
    return init.name;
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`duplicate ONNX value name ${name}`);
    this.names.add(name);
  }
}

/** ints and int lists are INT / INTS; `{ float }` marks a FLOAT (a JS number alone is ambiguous). */
function attribute(name: string, value: AttributeValue): onnx.IAttributeProto {
  const Type = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') return { name, type: Type.INT, i: value };
  if ('float' in value) return { name, type: Type.FLOAT, f: value.float };
  return { name, type: Type.INTS, ints: [...value] };
}
