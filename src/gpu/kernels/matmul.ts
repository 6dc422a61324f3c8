import type { GpuContext } from '../gpu-context';
import { elementWorkgroups, elementwiseEntry } from './dispatch';
import { checkCounts, encodeKernel, type KernelProgram } from './encode-kernel';

/**
 * Matrix product C = op(A) · op(B), op = identity or transpose, all float32 row-major:
 * op(A) is [m, k] (A stored [m, k], or [k, m] when transposed), op(B) is [k, n] (B stored [k, n], or
 * [n, k] when transposed), C is [m, n] and is overwritten. The forward pass uses A·B (X·W), the
 * backward pass Aᵀ·B (Xᵀ·dY, the weight gradient) and A·Bᵀ (dY·Wᵀ, the input gradient).
 *
 * Two variants, the same arithmetic (each C[i, j] a serial sum over k, so both give identical bits):
 * - 'tiled': each 16×16 workgroup computes a 16×16 tile of C, staging 16×16 tiles of op(A) and op(B)
 *   through workgroup memory (the classic GPU kernel; out-of-range rows/columns load zeros, so any
 *   m, n, k works);
 * - 'rows': each invocation computes a strip of 4 adjacent outputs of one row, reading straight from
 *   the buffers — no workgroup memory, no barriers. On SwiftShader (a CPU) barriers are expensive:
 *   measured 4–16× faster than 'tiled' on the head's shapes (256×512·512×20: 22 vs 101 ms). The head's
 *   matrices are small enough to stay in cache on a GPU too, but there 'tiled' is the tested default,
 *   since no hardware GPU was available to measure.
 */
export type MatmulVariant = 'tiled' | 'rows';

/** Outputs per invocation of the 'rows' variant. */
export const MATMUL_STRIP = 4;
export const MATMUL_TILE = 16;

export function matmulShader(transposeA: boolean, transposeB: boolean): string {
  const loadA = transposeA ? 'a[col * dims.m + row]' : 'a[row * dims.k + col]';
  const loadB = transposeB ? 'b[col * dims.k + row]' : 'b[row * dims.n + col]';
  return /* wgsl */ `
struct Dims { m: u32, n: u32, k: u32 }
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

const TILE: u32 = ${MATMUL_TILE}u;
var<workgroup> tileA: array<array<f32, ${MATMUL_TILE}>, ${MATMUL_TILE}>;
var<workgroup> tileB: array<array<f32, ${MATMUL_TILE}>, ${MATMUL_TILE}>;

// op(A)[row, col] for row < m, col < k; zero outside.
fn loadA(row: u32, col: u32) -> f32 {
  if (row >= dims.m || col >= dims.k) { return 0.0; }
  return ${loadA};
}

// op(B)[row, col] for row < k, col < n; zero outside.
fn loadB(row: u32, col: u32) -> f32 {
  if (row >= dims.k || col >= dims.n) { return 0.0; }
  return ${loadB};
}

@compute @workgroup_size(${MATMUL_TILE}, ${MATMUL_TILE})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let row = wg.y * TILE + local.y;
  let col = wg.x * TILE + local.x;
  var acc = 0.0;
  let tiles = (dims.k + TILE - 1u) / TILE;
  for (var t = 0u; t < tiles; t++) {
    tileA[local.y][local.x] = loadA(row, t * TILE + local.x);
    tileB[local.y][local.x] = loadB(t * TILE + local.y, col);
    workgroupBarrier();
    for (var i = 0u; i < TILE; i++) {
      acc += tileA[local.y][i] * tileB[i][local.x];
    }
    workgroupBarrier();
  }
  if (row < dims.m && col < dims.n) {
    c[row * dims.n + col] = acc;
  }
}
`;
}

/** The 'rows' variant: invocation i computes C[row, col … col+3] (see the header comment). */
export function rowStripShader(transposeA: boolean, transposeB: boolean): string {
  const loadA = transposeA ? 'a[t * dims.m + row]' : 'a[row * dims.k + t]';
  const loadB = (j: string) => (transposeB ? `b[(${j}) * dims.k + t]` : `b[t * dims.n + (${j})]`);
  const strip = Array.from({ length: MATMUL_STRIP }, (_, s) => s);
  return /* wgsl */ `
struct Dims { m: u32, n: u32, k: u32 }
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

${elementwiseEntry(`  let strips = (dims.n + ${MATMUL_STRIP - 1}u) / ${MATMUL_STRIP}u;
  let row = i / strips;
  let col = (i % strips) * ${MATMUL_STRIP}u;
  if (row >= dims.m) { return; }
${strip.map((s) => `  var acc${s} = 0.0;`).join('\n')}
  for (var t = 0u; t < dims.k; t++) {
    let av = ${loadA};
${strip.map((s) => `    if (col + ${s}u < dims.n) { acc${s} += av * ${loadB(`col + ${s}u`)}; }`).join('\n')}
  }
${strip.map((s) => `  if (col + ${s}u < dims.n) { c[row * dims.n + col + ${s}u] = acc${s}; }`).join('\n')}`)}`;
}

export interface MatmulArgs {
  readonly a: GPUBuffer;
  readonly b: GPUBuffer;
  /** Output [m, n]; must not alias a or b. */
  readonly c: GPUBuffer;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
  /** Default 'tiled'. */
  readonly variant?: MatmulVariant;
}

/** 'MatMul[tiled A·B]', 'MatMul[rows Aᵀ·B]', …: each variant and transposition is its own shader. */
export function matmulName(variant: MatmulVariant, transposeA: boolean, transposeB: boolean): string {
  return `MatMul[${variant} A${transposeA ? 'ᵀ' : ''}·B${transposeB ? 'ᵀ' : ''}]`;
}

/** C = op(A)·op(B) as a kernel program: 16×16 tiles over [n, m], or one invocation per strip of a row. */
export function matmulProgram(args: MatmulArgs): KernelProgram {
  const { m, n, k } = args;
  const [transposeA, transposeB] = [Boolean(args.transposeA), Boolean(args.transposeB)];
  const variant = args.variant ?? 'tiled';
  const name = matmulName(variant, transposeA, transposeB);
  checkCounts(name, { m, n, k });
  return {
    name,
    wgsl: variant === 'rows' ? rowStripShader(transposeA, transposeB) : matmulShader(transposeA, transposeB),
    buffers: [
      { name: 'a', buffer: args.a, minElements: m * k },
      { name: 'b', buffer: args.b, minElements: k * n },
      { name: 'c', buffer: args.c, minElements: m * n },
    ],
    uniforms: [{ u32: m }, { u32: n }, { u32: k }],
    workgroups: variant === 'rows' ? elementWorkgroups(m * Math.ceil(n / MATMUL_STRIP)) : [Math.ceil(n / MATMUL_TILE), Math.ceil(m / MATMUL_TILE)],
  };
}

/** Encodes C = op(A)·op(B) into `pass`. */
export function encodeMatmul(ctx: GpuContext, pass: GPUComputePassEncoder, args: MatmulArgs): void {
  encodeKernel(ctx, pass, matmulProgram(args));
}
