import { TINY_VIT_TEXT, TINY_VIT_VISION } from './clip-architecture';
import { clipConfig, type ModelFolder } from './model-files';
import { tinyVitNotes } from './model-notes';
import { buildTextTower } from './tiny-vit-text';
import { buildVisionTower } from './tiny-vit-vision';

/** tiny-vit: CLIP's architecture in miniature with seeded random weights (meaningless similarities). */
export const TINY_VIT_SEED = 230716634; // the CDUL paper's arXiv number

export function tinyVitFolder(): ModelFolder {
  return {
    name: 'tiny-vit',
    vision: buildVisionTower(TINY_VIT_VISION, TINY_VIT_SEED),
    text: buildTextTower(TINY_VIT_TEXT, TINY_VIT_SEED),
    imageSize: TINY_VIT_VISION.imageSize,
    config: clipConfig(TINY_VIT_VISION, TINY_VIT_TEXT, {
      description:
        'CLIP ViT architecture in miniature with seeded random weights: tests that loading, tokenization and ' +
        'onnxruntime handle the operators real CLIP models use. Its similarities mean nothing.',
      generator: 'models/generator',
      seed: TINY_VIT_SEED,
    }),
    sourceNotes: tinyVitNotes(TINY_VIT_SEED),
    docString: 'tiny-vit: CLIP ViT in miniature, seeded random weights (cdul-lab models/generator)',
  };
}
