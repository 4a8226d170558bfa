// The chain rule and backpropagation for a stack of scalar layers y = f₃(f₂(f₁(x))):
// dy/dx = dy/df₂ · df₂/df₁ · df₁/dx. The forward pass stores each layer's input; the backward
// pass walks from the last layer to the first, multiplying local derivatives f′ᵢ(inputᵢ) into a
// running product (the gradient of the output with respect to that layer's input).
// Source: Rumelhart, Hinton & Williams 1986, "Learning representations by back-propagating
// errors", Nature 323; Goodfellow, Bengio & Courville, Deep Learning, §6.5.

/** A scalar layer: its function and its derivative. */
export interface Layer {
  readonly name: string;
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
}

/** One forward step: the layer, its input and its output. */
export interface ForwardRow {
  layer: string;
  input: number;
  output: number;
}

/** One backward step: a layer's local derivative at its input and the running product so far. */
export interface BackwardRow {
  layer: string;
  input: number;
  local: number;
  /** d(output of the whole stack)/d(input of this layer). */
  product: number;
}

/** The forward values, the backpropagation table (last layer first) and the final derivative. */
export interface ChainResult {
  forward: ForwardRow[];
  backward: BackwardRow[];
  output: number;
  derivative: number;
}

/** Runs the layers forward from x, then backpropagates from the last layer to the first. */
export function chain(layers: readonly Layer[], x: number): ChainResult {
  const forward: ForwardRow[] = [];
  let value = x;
  for (const layer of layers) {
    const output = layer.f(value);
    forward.push({ layer: layer.name, input: value, output });
    value = output;
  }
  const backward: BackwardRow[] = [];
  let product = 1;
  for (let i = forward.length - 1; i >= 0; i--) {
    const row = forward[i]!;
    const local = layers[i]!.df(row.input);
    product *= local;
    backward.push({ layer: row.layer, input: row.input, local, product });
  }
  return { forward, backward, output: value, derivative: product };
}

/** The composition x ↦ fₙ(…f₁(x)) as one function (for numeric checks). */
export function compose(layers: readonly Layer[]): (x: number) => number {
  return (x) => layers.reduce((v, layer) => layer.f(v), x);
}
