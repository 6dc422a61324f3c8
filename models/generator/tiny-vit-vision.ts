import type { VisionArchitecture } from './clip-architecture';
import { patchGrid } from './clip-architecture';
import { GraphBuilder } from './onnx-graph';
import { int64Tensor, normalTensor } from './tensor-data';
import { encoder, invSqrt, layerNorm, linear, nodeName, type Tower } from './transformer';

/**
 * CLIP's vision transformer (ViT) as ONNX, with seeded random weights:
 * pixel_values [batch, 3, S, S] → patch Conv → [class token; patches] + positions → ln_pre →
 * residual blocks → ln_post(class token) → projection → image_embeds [batch, D].
 * The same builder makes tiny-vit and the full-size ViT-B/32 benchmark model.
 */
export function buildVisionTower(arch: VisionArchitecture, seed: number): GraphBuilder {
  const g = new GraphBuilder('clip_vision_model');
  const t: Tower = { g, seed };
  const size = arch.imageSize;
  const pixels = g.input({ name: 'pixel_values', type: 'float32', shape: ['batch', 3, size, size] });
  const tokens = embedTokens(t, arch, pixels);
  const pre = layerNorm(t, 'vision_model.pre_layrnorm', tokens, arch.width);
  const hidden = encoder(t, 'vision_model.encoder', pre, arch);
  const index0 = g.initializer(int64Tensor('vision_model.class_token_index', [0], []));
  const classToken = g.node(nodeName('vision_model', 'Gather_class_token'), 'Gather', [hidden, index0], { axis: 1 });
  const pooled = layerNorm(t, 'vision_model.post_layernorm', classToken, arch.width);
  const std = invSqrt(arch.width);
  const projected = linear(t, 'visual_projection', pooled, [arch.width, arch.projectionDim], std, false);
  g.node('image_embeds', 'Identity', [projected]);
  g.output({ name: 'image_embeds', type: 'float32', shape: ['batch', arch.projectionDim] });
  return g;
}

const EMBEDDINGS = 'vision_model.embeddings';

/** [class token; patch tokens] + positional embeddings: [batch, 1 + grid², width]. */
function embedTokens(t: Tower, arch: VisionArchitecture, pixels: string): string {
  const { g, seed } = t;
  const tokenCount = patchGrid(arch) * patchGrid(arch) + 1;
  const parts = [classTokens(t, arch, pixels), patchTokens(t, arch, pixels)];
  const sequence = g.node(nodeName(EMBEDDINGS, 'Concat_tokens'), 'Concat', parts, { axis: 1 });
  // OpenAI's scale for the class and positional embeddings: width^-½.
  const std = invSqrt(arch.width);
  const positionDims = [tokenCount, arch.width];
  const positions = g.initializer(normalTensor(seed, `${EMBEDDINGS}.position_embedding.weight`, positionDims, std));
  return g.node(nodeName(EMBEDDINGS, 'Add_positions'), 'Add', [sequence, positions]);
}

/** Conv with stride = kernel = patch (no bias), flattened to [batch, grid², width]. */
function patchTokens(t: Tower, arch: VisionArchitecture, pixels: string): string {
  const { g, seed } = t;
  const { width, patchSize: p } = arch;
  const std = invSqrt(3 * p * p); // the std of PyTorch's default Conv2d init
  const kernel = g.initializer(normalTensor(seed, `${EMBEDDINGS}.patch_embedding.weight`, [width, 3, p, p], std));
  const conv = g.node(nodeName(`${EMBEDDINGS}.patch_embedding`, 'Conv'), 'Conv', [pixels, kernel], {
    kernel_shape: [p, p],
    strides: [p, p],
  });
  const flatShape = g.initializer(int64Tensor(`${EMBEDDINGS}.flat_patches_shape`, [0, width, -1]));
  const flat = g.node(nodeName(EMBEDDINGS, 'Reshape'), 'Reshape', [conv, flatShape]);
  return g.node(nodeName(EMBEDDINGS, 'Transpose'), 'Transpose', [flat], { perm: [0, 2, 1] });
}

/** The learned class token, one vector expanded to the (dynamic) batch: [batch, 1, width]. */
function classTokens(t: Tower, arch: VisionArchitecture, pixels: string): string {
  const { g, seed } = t;
  const std = invSqrt(arch.width);
  const embedding = g.initializer(normalTensor(seed, `${EMBEDDINGS}.class_embedding`, [1, 1, arch.width], std));
  const batch = g.node(nodeName(EMBEDDINGS, 'Shape_batch'), 'Shape', [pixels], { start: 0, end: 1 });
  const rest = g.initializer(int64Tensor(`${EMBEDDINGS}.class_token_shape_rest`, [1, arch.width]));
  const shape = g.node(nodeName(EMBEDDINGS, 'Concat_shape'), 'Concat', [batch, rest], { axis: 0 });
  return g.node(nodeName(EMBEDDINGS, 'Expand_class'), 'Expand', [embedding, shape]);
}
