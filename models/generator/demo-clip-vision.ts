import {
  BACKGROUND_AXIS,
  BACKGROUND_WEIGHT,
  DEMO_EMBED_DIM,
  DEMO_POOL,
  DEMO_TEMPERATURE,
  demoPrototypes,
} from './demo-clip-design';
import { GraphBuilder } from './onnx-graph';
import { floatTensor } from './tensor-data';

export interface DemoVisionSettings {
  /** Average-pooling cell before classification (1 = none). */
  readonly pool: number;
  readonly temperature: number;
  readonly backgroundWeight: number;
}

export const DEMO_VISION_SETTINGS: DemoVisionSettings = {
  pool: DEMO_POOL,
  temperature: DEMO_TEMPERATURE,
  backgroundWeight: BACKGROUND_WEIGHT,
};

/**
 * demo-clip's image tower: "how much of each demo colour does this crop hold".
 * pixel_values → per pixel, softmax over the 21 prototypes k of −‖x − c_k‖²/T → GlobalAveragePool:
 * colour fractions [batch, 21] → MatMul onto the embedding axes → image_embeds.
 * −‖x − c_k‖² = 2c_k·x − ‖c_k‖² − ‖x‖², and ‖x‖² is the same for every k, so the softmax ignores
 * it: a 1×1 Conv with weights 2c_k/T and bias −‖c_k‖²/T gives the logits; no ReduceSumSquare needed.
 * Settings other than the committed ones exist for tuning experiments.
 */
export function buildDemoVisionTower(imageSize: number, settings = DEMO_VISION_SETTINGS): GraphBuilder {
  const { pool, temperature } = settings;
  const g = new GraphBuilder('demo_clip_vision_model');
  const prototypes = demoPrototypes();
  const k = prototypes.length;
  const pixels = g.input({ name: 'pixel_values', type: 'float32', shape: ['batch', 3, imageSize, imageSize] });
  const cells =
    pool === 1
      ? pixels
      : g.node('/colour/AveragePool', 'AveragePool', [pixels], { kernel_shape: [pool, pool], strides: [pool, pool] });
  const weights = g.initializer(
    floatTensor('colour.prototype_weight', [k, 3, 1, 1], () =>
      Float32Array.from(prototypes.flatMap((c) => c.map((v) => (2 * v) / temperature))),
    ),
  );
  const bias = g.initializer(
    floatTensor('colour.prototype_bias', [k], () =>
      Float32Array.from(prototypes.map((c) => -(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]) / temperature)),
    ),
  );
  const logits = g.node('/colour/Conv', 'Conv', [cells, weights, bias], { kernel_shape: [1, 1] });
  const assignment = g.node('/colour/Softmax', 'Softmax', [logits], { axis: 1 });
  const fractions = g.node('/colour/GlobalAveragePool', 'GlobalAveragePool', [assignment]);
  const flat = g.node('/colour/Flatten', 'Flatten', [fractions], { axis: 1 }); // [batch, 21]
  const projection = g.initializer(
    floatTensor('colour.projection', [k, DEMO_EMBED_DIM], () => projectionMatrix(k, settings.backgroundWeight)),
  );
  const embeds = g.node('/colour/MatMul_projection', 'MatMul', [flat, projection]);
  g.node('image_embeds', 'Identity', [embeds]);
  g.output({ name: 'image_embeds', type: 'float32', shape: ['batch', DEMO_EMBED_DIM] });
  return g;
}

/** Class c's fraction → axis c; the background fraction → its own axis, weighted. */
function projectionMatrix(prototypeCount: number, backgroundWeight: number): Float32Array {
  const matrix = new Float32Array(prototypeCount * DEMO_EMBED_DIM);
  for (let c = 0; c < BACKGROUND_AXIS; c++) matrix[c * DEMO_EMBED_DIM + c] = 1;
  matrix[BACKGROUND_AXIS * DEMO_EMBED_DIM + BACKGROUND_AXIS] = backgroundWeight;
  return matrix;
}
