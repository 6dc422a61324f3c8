/** The WGSL kernel library (see docs/architecture.md, src/gpu/kernels): one import for the trainer. */
export { encodeRelu, encodeReluBackward, encodeSigmoid } from './activations';
export { ADAM_DEFAULTS, encodeAdamStep, type AdamArgs, type AdamSettings } from './adam';
export { encodeBiasAdd, encodeBiasGradient, type BiasAddArgs } from './bias';
export { encodeBinaryKl, type BinaryKlArgs } from './binary-kl';
export { elementWorkgroups, workgroupGrid, WORKGROUP_SIZE } from './dispatch';
export { encodeKernel, type KernelBuffer, type KernelProgram, type KernelWorkgroups } from './encode-kernel';
export { encodeGatherRows, type GatherRowsArgs } from './gather-rows';
export { encodeMatmul, MATMUL_STRIP, MATMUL_TILE, type MatmulArgs, type MatmulVariant } from './matmul';
export { encodePseudoLabelUpdate, type PseudoLabelUpdateArgs } from './pseudo-label-update';
export { encodeColumnReduction, encodeReduction, encodeRowReduction, encodeTotal, type ReductionArgs } from './reductions';
