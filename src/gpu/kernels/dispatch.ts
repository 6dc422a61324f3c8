/**
 * Shared by the kernels: a 1-D grid of `count` items over workgroups of 256, spread over x and y so it
 * never exceeds the 65,535 workgroups per dimension WebGPU guarantees. WGSL side: `ELEMENT_INDEX`.
 */
export const WORKGROUP_SIZE = 256;
const MAX_WORKGROUPS_PER_DIMENSION = 65_535;

/** Workgroup counts [x, y] for `items` workgroups (each of which checks its own index). */
export function workgroupGrid(workgroups: number): [number, number] {
  if (workgroups <= 0) return [0, 1];
  const x = Math.min(workgroups, MAX_WORKGROUPS_PER_DIMENSION);
  const y = Math.ceil(workgroups / x);
  if (y > MAX_WORKGROUPS_PER_DIMENSION) throw new RangeError(`${workgroups} workgroups is too many for one dispatch`);
  return [x, y];
}

/** Dispatches enough 256-wide workgroups for `count` elements (nothing for 0). */
export function dispatchElements(pass: GPUComputePassEncoder, count: number): void {
  const [x, y] = workgroupGrid(Math.ceil(count / WORKGROUP_SIZE));
  if (x > 0) pass.dispatchWorkgroups(x, y);
}

/** Dispatches one workgroup per output (reductions), `outputs` of them. */
export function dispatchWorkgroupsFor(pass: GPUComputePassEncoder, outputs: number): void {
  const [x, y] = workgroupGrid(outputs);
  if (x > 0) pass.dispatchWorkgroups(x, y);
}

/**
 * WGSL for an element-wise entry point: declares `main` over 256-wide workgroups and binds `i`, the
 * element index (x-major over the 2-D grid of `dispatchElements`). The body must check `i` itself.
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
