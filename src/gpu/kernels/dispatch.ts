/**
 * Shared by the kernels: a 1-D grid of `count` items over workgroups of 256, spread over x and y so it
 * never exceeds the 65,535 workgroups per dimension WebGPU guarantees. WGSL side: `elementwiseEntry`.
 * Only `encodeKernel` (encode-kernel.ts) dispatches; kernels describe their grid with these helpers.
 */
export const WORKGROUP_SIZE = 256;
const MAX_WORKGROUPS_PER_DIMENSION = 65_535;

/** Workgroup counts [x, y] for `items` workgroups (each of which checks its own index). */
export function workgroupGrid(workgroups: number): [number, number] {
  if (workgroups <= 0) return [0, 1];
  const x = Math.min(workgroups, MAX_WORKGROUPS_PER_DIMENSION);
  const y = Math.ceil(workgroups / x);
  checkGrid(x, y);
  return [x, y];
}

/** Refuses a grid WebGPU does not guarantee (more than 65,535 workgroups in a dimension). */
export function checkGrid(x: number, y: number): void {
  for (const count of [x, y]) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`bad workgroup count ${count}`);
  }
  if (x > MAX_WORKGROUPS_PER_DIMENSION || y > MAX_WORKGROUPS_PER_DIMENSION) {
    throw new RangeError(`${x}×${y} workgroups is too many for one dispatch (at most ${MAX_WORKGROUPS_PER_DIMENSION} per dimension)`);
  }
}

/** Workgroups of 256 for `count` elements, one invocation each (0 for none). */
export function elementWorkgroups(count: number): number {
  return Math.ceil(count / WORKGROUP_SIZE);
}

/**
 * WGSL for an element-wise entry point: declares `main` over 256-wide workgroups and binds `i`, the
 * element index (x-major over the 2-D grid of `workgroupGrid`). The body must check `i` itself.
 */
export function elementwiseEntry(body: string): string {
  return /* wgsl */ `
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * ${WORKGROUP_SIZE}u;
${body}
}
`;
}
