import { describe, expect, it } from 'vitest';
import * as activations from './activations';
import * as adam from './adam';
import * as bias from './bias';
import * as binaryKl from './binary-kl';
import type { KernelProgram } from './encode-kernel';
import * as gatherRows from './gather-rows';
import * as matmul from './matmul';
import * as pseudoLabelUpdate from './pseudo-label-update';
import * as reductions from './reductions';

/**
 * Every kernel's descriptor against its WGSL: encodeKernel binds the descriptor's buffers at 0, 1, 2, …
 * and the uniform struct after them, so the shader must declare exactly those bindings, with the
 * descriptor's names, and a uniform struct whose fields are the descriptor's u32/f32 words in order.
 */

/** Stands in for a GPUBuffer: a descriptor only carries it (encodeKernel reads its size and label). */
const buffer = (label: string) => ({ size: 4096, label }) as GPUBuffer;
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(buffer) as [GPUBuffer, GPUBuffer, GPUBuffer, GPUBuffer];
const shape = { m: 5, n: 6, k: 7 };

const matmulPrograms = (['tiled', 'rows'] as const).flatMap((variant) =>
  [false, true].flatMap((transposeA) => [false, true].map((transposeB) => matmul.matmulProgram({ a, b, c, ...shape, transposeA, transposeB, variant }))),
);

const PROGRAMS: readonly KernelProgram[] = [
  activations.reluProgram({ input: a, output: b, count: 9 }),
  activations.sigmoidProgram({ input: a, output: b, count: 9 }),
  activations.reluBackwardProgram({ preActivation: a, gradOutput: b, gradInput: c, count: 9 }),
  adam.adamProgram({ params: a, grads: b, m: c, v: d, count: 9, step: 1, settings: { learningRate: 1e-3 } }),
  bias.biasAddProgram({ matrix: a, bias: b, rows: 3, cols: 4 }),
  binaryKl.binaryKlProgram({ y: a, p: b, terms: c, gradLogits: d, loss: a, length: 9 }),
  gatherRows.gatherRowsProgram({ source: a, order: b, out: c, rows: 3, cols: 4, offset: 2 }),
  ...matmulPrograms,
  pseudoLabelUpdate.pseudoLabelUpdateProgram({ z: a, p: b, count: 9, eta: 1, sigma: 0.5 }),
  reductions.reductionProgram({ input: a, output: b, outputs: 3, length: 4, outputStride: 4, innerStride: 1, scale: 1 }),
];

interface WgslBinding {
  readonly group: number;
  readonly binding: number;
  readonly addressSpace: string;
  readonly name: string;
  readonly type: string;
}

function bindingsOf(wgsl: string): WgslBinding[] {
  const pattern = /@group\((\d+)\)\s*@binding\((\d+)\)\s*var<(\w+)[^>]*>\s+(\w+)\s*:\s*([^;]+);/g;
  return [...wgsl.matchAll(pattern)].map(([, group, binding, addressSpace, name, type]) => ({
    group: Number(group),
    binding: Number(binding),
    addressSpace: addressSpace!,
    name: name!,
    type: type!.trim(),
  }));
}

/** The field types of `struct name { … }`, in order. */
function structFields(wgsl: string, name: string): string[] {
  const body = new RegExp(`struct\\s+${name}\\s*\\{([^}]*)\\}`).exec(wgsl)?.[1];
  if (body === undefined) throw new Error(`no struct ${name}`);
  return body.split(',').map((field) => field.trim()).filter(Boolean).map((field) => field.split(':')[1]!.trim());
}

describe.each(PROGRAMS.map((program) => [program.name, program] as const))('%s', (_, program) => {
  const declared = bindingsOf(program.wgsl);
  const storage = declared.filter((entry) => entry.addressSpace === 'storage');
  const uniforms = declared.filter((entry) => entry.addressSpace === 'uniform');

  it('declares bindings 0 … n−1 of group 0: one per descriptor buffer, then one per uniform struct', () => {
    expect(program.wgsl.match(/@binding\(/g)?.length).toBe(declared.length);
    expect(declared.map((entry) => entry.group)).toEqual(declared.map(() => 0));
    expect(declared.map((entry) => entry.binding)).toEqual(declared.map((_, index) => index));
    expect(declared.length).toBe(program.buffers.length + (program.uniforms.length > 0 ? 1 : 0));
  });

  it('binds the descriptor buffers by position to the WGSL variables of the same name', () => {
    expect(storage.map((entry) => entry.name)).toEqual(program.buffers.map((entry) => entry.name));
    expect(declared.slice(0, storage.length)).toEqual(storage);
  });

  it('fills the uniform struct field by field with words of the field types', () => {
    expect(uniforms).toHaveLength(program.uniforms.length > 0 ? 1 : 0);
    if (uniforms.length === 0) return;
    const fields = structFields(program.wgsl, uniforms[0]!.type);
    expect(program.uniforms.map((word) => ('u32' in word ? 'u32' : 'f32'))).toEqual(fields);
  });
});

describe('the kernel table', () => {
  it('covers every program builder the kernel files export, with one name per shader', () => {
    const builders = [activations, adam, bias, binaryKl, gatherRows, matmul, pseudoLabelUpdate, reductions].flatMap((module) =>
      Object.entries(module).filter(([name, value]) => name.endsWith('Program') && typeof value === 'function'),
    );
    expect(builders.map(([name]) => name).sort()).toEqual(
      ['adamProgram', 'biasAddProgram', 'binaryKlProgram', 'gatherRowsProgram', 'matmulProgram', 'pseudoLabelUpdateProgram', 'reductionProgram', 'reluBackwardProgram', 'reluProgram', 'sigmoidProgram'].sort(),
    );
    // The pipeline cache is keyed by source, and the first name to compile a source labels its pipeline.
    const namesBySource = new Map<string, Set<string>>();
    for (const program of PROGRAMS) namesBySource.set(program.wgsl, (namesBySource.get(program.wgsl) ?? new Set()).add(program.name));
    expect([...namesBySource.values()].filter((names) => names.size > 1)).toEqual([]);
    expect(new Set(PROGRAMS.map((program) => program.name)).size).toBe(PROGRAMS.length);
  });
});
