import { AttributeType, type DataTypeCode } from './onnx-proto.ts';

/** A tensor as the protobuf encoder takes it; the data are little-endian raw bytes. */
export interface TensorMessage {
  name: string;
  dims: number[];
  dataType: DataTypeCode;
  rawData: Uint8Array;
}

/** A dimension of a declared input or output: a number, or a symbolic name. */
export type Dim = number | string;

interface ValueInfoMessage {
  name: string;
  type: {
    tensorType: {
      elemType: number;
      shape: { dim: ({ dimValue: number } | { dimParam: string })[] };
    };
  };
}

interface AttributeMessage {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorMessage;
  g?: GraphMessage;
  floats?: number[];
  ints?: number[];
}

interface NodeMessage {
  name: string;
  opType: string;
  domain: string;
  input: string[];
  output: string[];
  attribute: AttributeMessage[];
}

/** A graph as the protobuf encoder takes it. */
export interface GraphMessage {
  name: string;
  node: NodeMessage[];
  initializer: TensorMessage[];
  input: ValueInfoMessage[];
  output: ValueInfoMessage[];
}

/** An attribute value, tagged by its ONNX kind. */
export type Attr =
  | { f: number }
  | { i: number }
  | { s: string }
  | { t: TensorMessage }
  | { g: GraphMessage }
  | { ints: number[] }
  | { floats: number[] };

function toAttribute(name: string, value: Attr): AttributeMessage {
  if ('f' in value) return { name, type: AttributeType.FLOAT, f: value.f };
  if ('i' in value) return { name, type: AttributeType.INT, i: value.i };
  if ('s' in value)
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.s) };
  if ('t' in value) return { name, type: AttributeType.TENSOR, t: value.t };
  if ('g' in value) return { name, type: AttributeType.GRAPH, g: value.g };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: value.ints };
  return { name, type: AttributeType.FLOATS, floats: value.floats };
}

function toValueInfo(name: string, elemType: DataTypeCode, dims: Dim[]): ValueInfoMessage {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/**
 * Builds an ONNX graph node by node. Intermediate values get unique names from a prefix, so
 * that several builders (a main graph and the branches of an `If`) never collide.
 *
 * @example
 * const g = new GraphBuilder('main');
 * const x = g.input('x', DataType.FLOAT, ['batch_size', 4]);
 * g.op('Relu', [x], {}, 'y');
 * g.output('y', DataType.FLOAT, ['batch_size', 4]);
 */
export class GraphBuilder {
  private counter = 0;
  private readonly nodes: NodeMessage[] = [];
  private readonly initializers: TensorMessage[] = [];
  private readonly inputs: ValueInfoMessage[] = [];
  private readonly outputs: ValueInfoMessage[] = [];

  constructor(private readonly prefix: string) {}

  /** A fresh value name. */
  fresh(hint: string): string {
    this.counter += 1;
    return `${this.prefix}/${hint}_${this.counter}`;
  }

  /** Declares a graph input and returns its name. */
  input(name: string, elemType: DataTypeCode, dims: Dim[]): string {
    this.inputs.push(toValueInfo(name, elemType, dims));
    return name;
  }

  /** Declares a graph output (some node must produce a value of that name). */
  output(name: string, elemType: DataTypeCode, dims: Dim[]): void {
    this.outputs.push(toValueInfo(name, elemType, dims));
  }

  /** Adds an initializer and returns its name. */
  init(tensor: TensorMessage): string {
    this.initializers.push(tensor);
    return tensor.name;
  }

  /** Adds a node with one output and returns the output's name (`out` if given). */
  op(opType: string, inputs: string[], attrs: Record<string, Attr> = {}, out?: string): string {
    const [first] = this.opN(opType, inputs, [out ?? this.fresh(opType)], attrs);
    return first ?? '';
  }

  /** Adds a node with the named outputs and returns them. */
  opN(
    opType: string,
    inputs: string[],
    outputs: string[],
    attrs: Record<string, Attr> = {},
    domain = '',
  ): string[] {
    this.nodes.push({
      name: this.fresh(`${opType}_node`),
      opType,
      domain,
      input: inputs,
      output: outputs,
      attribute: Object.entries(attrs).map(([name, value]) => toAttribute(name, value)),
    });
    return outputs;
  }

  /** The finished graph. */
  build(name: string): GraphMessage {
    return {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    };
  }
}
