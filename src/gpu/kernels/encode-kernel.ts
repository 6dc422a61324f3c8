import type { GpuContext, UniformWord } from '../gpu-context';
import { checkGrid, elementWorkgroups, workgroupGrid } from './dispatch';

/**
 * Kernels as descriptors (after onnxruntime-web JSEP's `ProgramInfo`): each kernel file builds a plain
 * `KernelProgram` from its arguments, and `encodeKernel` is the one place that turns a program into GPU
 * work — pipeline, uniform buffer, bind group, dispatch — so bindings are numbered in one place, every
 * object carries the kernel's name and every size is checked before the GPU sees it.
 */

/** A storage buffer of a kernel, bound at the position of its entry in `KernelProgram.buffers`. */
export interface KernelBuffer {
  /** The WGSL variable at that binding (kernel-programs.test.ts checks they match): names it in errors. */
  readonly name: string;
  readonly buffer: GPUBuffer;
  /** 4-byte elements the dispatch may touch (highest index + 1): the buffer must hold at least these. */
  readonly minElements?: number;
}

/** Workgroups to dispatch: a count laid out by `workgroupGrid` over x and y, or an explicit [x, y] grid. */
export type KernelWorkgroups = number | readonly [x: number, y: number];

export interface KernelProgram {
  /** Names the kernel's GPU objects ('<name>.pipeline', '.shader', '.bindGroup', '.params') and its errors. */
  readonly name: string;
  readonly wgsl: string;
  /** Default 'main'. */
  readonly entryPoint?: string;
  /** Storage buffers in binding order: @binding(0), @binding(1), …; the uniform struct binds after them. */
  readonly buffers: readonly KernelBuffer[];
  /** The uniform struct's fields in order (shapes and scalars: never part of the pipeline); [] for none. */
  readonly uniforms: readonly UniformWord[];
  readonly workgroups: KernelWorkgroups;
}

/** What `encodeKernel` needs of a GpuContext and of a compute pass (narrow, so tests can fake them). */
export type KernelContext = Pick<GpuContext, 'pipeline' | 'uniform' | 'bindGroup'>;
export type KernelPass = Pick<GPUComputePassEncoder, 'setPipeline' | 'setBindGroup' | 'dispatchWorkgroups'>;

/** Validates `program`, then records its dispatch into `pass`; a program with no workgroups records nothing. */
export function encodeKernel(ctx: KernelContext, pass: KernelPass, program: KernelProgram): void {
  const [x, y] = gridOf(program);
  checkBufferSizes(program);
  if (x === 0 || y === 0) return;
  const pipeline = ctx.pipeline(program.wgsl, program.entryPoint, program.name);
  const bindings = program.buffers.map((entry) => entry.buffer);
  if (program.uniforms.length > 0) bindings.push(ctx.uniform(program.uniforms, program.name));
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, ctx.bindGroup(pipeline, bindings, program.name));
  pass.dispatchWorkgroups(x, y);
}

/**
 * The program of an element-wise kernel (WGSL from `elementwiseEntry`): one invocation per element,
 * every buffer `count` long, and `count` the uniform struct's first field, before `uniforms`.
 * `buffers` maps WGSL variable names to buffers in binding order (an object keeps its keys' order).
 */
export function elementwiseProgram(
  name: string,
  wgsl: string,
  count: number,
  buffers: Readonly<Record<string, GPUBuffer>>,
  uniforms: readonly UniformWord[] = [],
): KernelProgram {
  checkCounts(name, { count });
  return {
    name,
    wgsl,
    buffers: Object.entries(buffers).map(([variable, buffer]) => ({ name: variable, buffer, minElements: count })),
    uniforms: [{ u32: count }, ...uniforms],
    workgroups: elementWorkgroups(count),
  };
}

/** Throws a RangeError naming the kernel unless every count is a non-negative integer. */
export function checkCounts(kernel: string, counts: Readonly<Record<string, number>>): void {
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${kernel}: ${name} must be a non-negative integer, got ${value}`);
  }
}

function gridOf(program: KernelProgram): [number, number] {
  try {
    if (typeof program.workgroups === 'number') return workgroupGrid(program.workgroups);
    const [x, y] = program.workgroups;
    checkGrid(x, y);
    return [x, y];
  } catch (error) {
    throw new RangeError(`${program.name}: ${(error as Error).message}`);
  }
}

function checkBufferSizes(program: KernelProgram): void {
  program.buffers.forEach((entry, binding) => {
    const held = Math.floor(entry.buffer.size / 4);
    const needed = entry.minElements ?? 0;
    if (!Number.isInteger(needed) || needed < 0) throw new RangeError(`${program.name}: bad element count ${needed} for ${entry.name}`);
    if (held < needed) {
      const label = entry.buffer.label ? ` ('${entry.buffer.label}')` : '';
      throw new RangeError(`${program.name}: ${entry.name}${label} at binding ${binding} holds ${held} elements, expected at least ${needed}`);
    }
  });
}
