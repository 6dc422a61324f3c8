/**
 * The GPU device and the few things every kernel needs from it: storage buffers (create, upload, read
 * back), small per-dispatch uniform buffers, and compute pipelines cached by shader source and entry
 * point. Kernels (src/gpu/kernels/) *encode* into a compute pass the caller owns, so a trainer can put a
 * whole epoch into a few submissions; `run` is the convenience for one-off work and tests. The kernels
 * reach `pipeline`, `uniform` and `bindGroup` only through `encodeKernel`, which passes each its name.
 */

/** Storage buffers are readable and writable by kernels and can be copied in and out. */
export function storageUsage(): GPUBufferUsageFlags {
  return GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
}

/** One 4-byte field of a uniform struct: a u32 or an f32. */
export type UniformWord = { readonly u32: number } | { readonly f32: number };

/** `{ label: '<kernel>.<resource>' }` (what errors and GPU captures show), or nothing without a kernel. */
function labelOf(kernel: string | undefined, resource: string): { label?: string } {
  return kernel ? { label: `${kernel}.${resource}` } : {};
}

export interface GpuContextOptions {
  /** An adapter to use; by default `navigator.gpu.requestAdapter({ powerPreference: 'high-performance' })`. */
  readonly adapter?: GPUAdapter;
}

export class GpuContext {
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  /** Uniform buffers written for dispatches not yet submitted; destroyed once submitted. */
  private transient: GPUBuffer[] = [];

  private constructor(
    readonly adapter: GPUAdapter,
    readonly device: GPUDevice,
  ) {}

  /** Acquires an adapter and a device with the adapter's largest storage-buffer limits. */
  static async create(options: GpuContextOptions = {}, gpu: GPU | undefined = globalThis.navigator?.gpu): Promise<GpuContext> {
    let adapter = options.adapter ?? null;
    if (!adapter) {
      if (!gpu) throw new Error('WebGPU is not available (navigator.gpu is missing)');
      adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    }
    if (!adapter) throw new Error('WebGPU found no usable adapter');
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    return new GpuContext(adapter, device);
  }

  /** "vendor · architecture · description" as the adapter reports it (e.g. google · swiftshader · …). */
  get adapterName(): string {
    const info = this.adapter.info;
    return [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' · ');
  }

  /** A software adapter (SwiftShader, a fallback adapter): correct but on the CPU, where barriers are dear. */
  get isSoftwareAdapter(): boolean {
    const info = this.adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    return Boolean(info.isFallbackAdapter) || /swiftshader/i.test(`${info.vendor} ${info.architecture} ${info.description}`);
  }

  /** A float32 / uint32 storage buffer holding `data`, or `length` zeroed 4-byte elements. */
  createBuffer(dataOrLength: Float32Array | Uint32Array | number, label?: string): GPUBuffer {
    const length = typeof dataOrLength === 'number' ? dataOrLength : dataOrLength.length;
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`bad buffer length ${length}`);
    // A zero-sized binding is invalid: keep at least one element.
    const size = Math.max(4, length * 4);
    const buffer = this.device.createBuffer({
      size,
      usage: storageUsage(),
      mappedAtCreation: typeof dataOrLength !== 'number',
      ...(label ? { label } : {}),
    });
    if (typeof dataOrLength !== 'number') {
      const target = dataOrLength instanceof Float32Array ? new Float32Array(buffer.getMappedRange()) : new Uint32Array(buffer.getMappedRange());
      target.set(dataOrLength);
      buffer.unmap();
    }
    return buffer;
  }

  /** Writes `data` into `buffer` at element `offset` (queued before the next submission). */
  upload(buffer: GPUBuffer, data: Float32Array | Uint32Array, offset = 0): void {
    this.device.queue.writeBuffer(buffer, offset * 4, data.buffer, data.byteOffset, data.byteLength);
  }

  /** Copies `length` float32 values (default: the whole buffer) back to the CPU. */
  async read(buffer: GPUBuffer, length = buffer.size / 4, offset = 0): Promise<Float32Array> {
    const byteLength = length * 4;
    const staging = this.device.createBuffer({ size: Math.max(4, byteLength), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = this.device.createCommandEncoder();
    if (byteLength > 0) encoder.copyBufferToBuffer(buffer, offset * 4, staging, 0, byteLength);
    // Submitted directly: uniforms of work the caller is still encoding must survive this read.
    this.device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const result = new Float32Array(staging.getMappedRange(0, byteLength).slice(0));
    staging.unmap();
    staging.destroy();
    return result;
  }

  /**
   * Reads several float32 buffers (each whole, or its first `length` values) with ONE staging buffer
   * and one map: what a trainer needs once per epoch (loss, labels, predictions, state).
   */
  async readMany(parts: ReadonlyArray<{ readonly buffer: GPUBuffer; readonly length?: number }>): Promise<Float32Array[]> {
    const lengths = parts.map((part) => part.length ?? part.buffer.size / 4);
    const total = lengths.reduce((sum, length) => sum + length, 0);
    const staging = this.device.createBuffer({ size: Math.max(4, total * 4), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = this.device.createCommandEncoder();
    let offset = 0;
    parts.forEach((part, index) => {
      const length = lengths[index]!;
      if (length > 0) encoder.copyBufferToBuffer(part.buffer, 0, staging, offset * 4, length * 4);
      offset += length;
    });
    this.device.queue.submit([encoder.finish()]);
    try {
      await staging.mapAsync(GPUMapMode.READ);
      const all = new Float32Array(staging.getMappedRange(0, Math.max(4, total * 4)).slice(0));
      staging.unmap();
      let start = 0;
      return lengths.map((length) => all.slice(start, (start += length)));
    } finally {
      staging.destroy();
    }
  }

  /**
   * A uniform buffer holding `words` (each a u32 or f32, in the struct's order; padded to 16 bytes),
   * labelled '<kernel>.params'. It lives until the next `submit`/`run` of this context, which destroys
   * it: submit the encoders that kernels were encoded into through `ctx.submit`, not `device.queue.submit`.
   */
  uniform(words: ReadonlyArray<UniformWord>, kernel?: string): GPUBuffer {
    const size = Math.max(16, Math.ceil((words.length * 4) / 16) * 16);
    const buffer = this.device.createBuffer({ size, usage: GPUBufferUsage.UNIFORM, mappedAtCreation: true, ...labelOf(kernel, 'params') });
    const range = buffer.getMappedRange();
    const asU32 = new Uint32Array(range);
    const asF32 = new Float32Array(range);
    words.forEach((word, index) => {
      if ('u32' in word) {
        if (!Number.isInteger(word.u32) || word.u32 < 0 || word.u32 > 0xffffffff) throw new RangeError(`not a u32: ${word.u32}`);
        asU32[index] = word.u32;
      } else {
        asF32[index] = word.f32;
      }
    });
    buffer.unmap();
    this.transient.push(buffer);
    return buffer;
  }

  /**
   * The compute pipeline of `code`'s `entryPoint` (layout 'auto'), compiled once per context; labelled
   * '<kernel>.shader' and '<kernel>.pipeline' when first compiled. The cache key is the source and the
   * entry point only (set-up facts): shapes travel in uniforms, so one pipeline serves every shape.
   */
  pipeline(code: string, entryPoint = 'main', kernel?: string): GPUComputePipeline {
    const key = `${entryPoint}\u0000${code}`;
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      const module = this.device.createShaderModule({ code, ...labelOf(kernel, 'shader') });
      pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint }, ...labelOf(kernel, 'pipeline') });
      this.pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  /** Bind group 0 of `pipeline` with `buffers` at bindings 0, 1, 2, … (labelled '<kernel>.bindGroup'). */
  bindGroup(pipeline: GPUComputePipeline, buffers: readonly GPUBuffer[], kernel?: string): GPUBindGroup {
    return this.device.createBindGroup({
      ...labelOf(kernel, 'bindGroup'),
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
  }

  /** Submits `encoder`'s commands and releases the uniform buffers they used. */
  submit(...encoders: GPUCommandEncoder[]): void {
    this.device.queue.submit(encoders.map((encoder) => encoder.finish()));
    // Destroying after submit is allowed: the buffers are freed once the submitted work is done.
    for (const buffer of this.transient) buffer.destroy();
    this.transient = [];
  }

  /**
   * Encodes `work` into one compute pass, submits it and waits for the GPU; rejects with the
   * validation error if any command was invalid.
   */
  async run(work: (pass: GPUComputePassEncoder) => void): Promise<void> {
    this.device.pushErrorScope('validation');
    const encoder = this.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    work(pass);
    pass.end();
    this.submit(encoder);
    const error = await this.device.popErrorScope();
    if (error) throw new Error(`WebGPU validation error: ${error.message}`);
    await this.device.queue.onSubmittedWorkDone();
  }

  destroy(): void {
    this.device.destroy();
  }
}
