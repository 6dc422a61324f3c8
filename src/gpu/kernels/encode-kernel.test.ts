import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeKernel, type KernelContext, type KernelPass, type KernelProgram } from './encode-kernel';
import { matmulProgram } from './matmul';

/** A GpuContext and a compute pass that record what encodeKernel asks of them, in order. */
function recorder() {
  const calls: string[] = [];
  const ctx: KernelContext = {
    pipeline: (code, entryPoint, kernel) => {
      calls.push(`pipeline ${entryPoint ?? 'main'} ${kernel}`);
      return { label: `${kernel}.pipeline` } as GPUComputePipeline;
    },
    uniform: (words, kernel) => {
      calls.push(`uniform ${JSON.stringify(words)} ${kernel}`);
      return buffer(4, `${kernel}.params`);
    },
    bindGroup: (pipeline, buffers, kernel) => {
      calls.push(`bindGroup ${pipeline.label} [${buffers.map((entry) => entry.label).join(', ')}] ${kernel}`);
      return { label: `${kernel}.bindGroup` } as GPUBindGroup;
    },
  };
  const pass: KernelPass = {
    setPipeline: (pipeline) => void calls.push(`setPipeline ${pipeline.label}`),
    setBindGroup: (index, group) => void calls.push(`setBindGroup ${index} ${group?.label}`),
    dispatchWorkgroups: (x, y) => void calls.push(`dispatch ${x}×${y}`),
  };
  return { ctx, pass, calls };
}

const buffer = (elements: number, label: string) => ({ size: 4 * elements, label }) as GPUBuffer;

const program = (overrides: Partial<KernelProgram> = {}): KernelProgram => ({
  name: 'Test',
  wgsl: '/* wgsl */',
  buffers: [
    { name: 'x', buffer: buffer(10, 'input'), minElements: 10 },
    { name: 'y', buffer: buffer(10, 'output'), minElements: 10 },
  ],
  uniforms: [{ u32: 10 }, { f32: 0.5 }],
  workgroups: 1,
  ...overrides,
});

describe('encodeKernel', () => {
  it('binds the buffers by position, then the uniform struct, and labels everything with the kernel name', () => {
    const { ctx, pass, calls } = recorder();
    encodeKernel(ctx, pass, program());
    expect(calls).toEqual([
      'pipeline main Test',
      'uniform [{"u32":10},{"f32":0.5}] Test',
      'setPipeline Test.pipeline',
      'bindGroup Test.pipeline [input, output, Test.params] Test',
      'setBindGroup 0 Test.bindGroup',
      'dispatch 1×1',
    ]);
  });

  it('lays a workgroup count over x and y, and passes an explicit grid through', () => {
    const grid = (workgroups: KernelProgram['workgroups']) => {
      const { ctx, pass, calls } = recorder();
      encodeKernel(ctx, pass, program({ workgroups }));
      return calls.at(-1);
    };
    expect(grid(65_536)).toBe('dispatch 65535×2');
    expect(grid([3, 4])).toBe('dispatch 3×4');
  });

  it('binds no uniform buffer for a kernel without uniforms', () => {
    const { ctx, pass, calls } = recorder();
    encodeKernel(ctx, pass, program({ uniforms: [] }));
    expect(calls).toContain('bindGroup Test.pipeline [input, output] Test');
    expect(calls.some((call) => call.startsWith('uniform'))).toBe(false);
  });

  it('records nothing for a dispatch without work, after checking the sizes all the same', () => {
    for (const workgroups of [0, [0, 5], [5, 0]] as const) {
      const { ctx, pass, calls } = recorder();
      encodeKernel(ctx, pass, program({ workgroups }));
      expect(calls).toEqual([]);
    }
    const { ctx, pass } = recorder();
    const short = program({ workgroups: 0, buffers: [{ name: 'x', buffer: buffer(1, 'tiny'), minElements: 2 }] });
    expect(() => encodeKernel(ctx, pass, short)).toThrow(RangeError);
  });

  it('refuses an undersized buffer, naming the kernel, the variable, its label and the binding', () => {
    const { ctx, pass, calls } = recorder();
    const bad = program({ buffers: [{ name: 'x', buffer: buffer(10, 'input') }, { name: 'y', buffer: buffer(3, 'output'), minElements: 4 }] });
    expect(() => encodeKernel(ctx, pass, bad)).toThrow("Test: y ('output') at binding 1 holds 3 elements, expected at least 4");
    expect(calls).toEqual([]);
  });

  it('refuses grids beyond 65,535 workgroups per dimension, naming the kernel', () => {
    const { ctx, pass } = recorder();
    expect(() => encodeKernel(ctx, pass, program({ workgroups: [65_536, 1] }))).toThrow(/^Test: 65536×1 workgroups is too many/);
    expect(() => encodeKernel(ctx, pass, program({ workgroups: 65_535 * 65_535 + 1 }))).toThrow(/^Test: /);
  });

  it('checks a real kernel the same way: a matmul whose A is too small for m×k', () => {
    const { ctx, pass } = recorder();
    const args = { a: buffer(12, 'x'), b: buffer(15, 'w'), c: buffer(15, 'logits'), m: 5, n: 3, k: 3 };
    expect(() => encodeKernel(ctx, pass, matmulProgram(args))).toThrow("MatMul[tiled A·B]: a ('x') at binding 0 holds 12 elements, expected at least 15");
    expect(() => matmulProgram({ ...args, m: 2.5 })).toThrow('MatMul[tiled A·B]: m must be a non-negative integer, got 2.5');
  });
});

describe('src/gpu', () => {
  it('dispatches kernels only through encodeKernel', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return sources(path);
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
      });
    const encoding = /\.(setPipeline|setBindGroup|dispatchWorkgroups|dispatchWorkgroupsIndirect|pipeline|uniform|bindGroup)\(/;
    const offenders = sources('src/gpu').filter((path) => !path.endsWith('encode-kernel.ts') && encoding.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
