import { describe, expect, it } from 'vitest';
import { PREPARE_MEMORY_BYTES, preparedChunkBytes, preparePlan } from './pool-size';

const MB = 2 ** 20;
/** The app's chunk: 8 images × 10 crops of 3 × 224² float32 = 8 × 10 × 602,112 bytes. */
const CHUNK = preparedChunkBytes(8, 10, 224);

describe('preparePlan', () => {
  it('sizes one chunk by hand: 8 images × 10 crops × 3 × 224 × 224 × 4 bytes', () => {
    expect(CHUNK).toBe(48_168_960);
  });

  it('gives the prepare workers the cores the model leaves, at least one, one chunk ready beyond them', () => {
    expect(preparePlan(2, 1, CHUNK)).toEqual({ workers: 1, ahead: 2 }); // this machine on WASM
    expect(preparePlan(4, 3, CHUNK)).toEqual({ workers: 1, ahead: 2 });
    expect(preparePlan(2, 2, CHUNK)).toEqual({ workers: 1, ahead: 2 }); // no core left: still one
    expect(preparePlan(4, 2, CHUNK)).toEqual({ workers: 2, ahead: 3 }); // WebGPU: a thread feeds the GPU process
  });

  it('never holds more prepared chunks than the memory budget, however many cores (16 cores, a GPU)', () => {
    const plan = preparePlan(16, 2, CHUNK);
    expect(plan).toEqual({ workers: 7, ahead: 7 }); // 8 chunks of 48 MB in 384 MiB: each worker one, none spare
    expect((plan.ahead + 1) * CHUNK).toBeLessThanOrEqual(PREPARE_MEMORY_BYTES);
    expect(preparePlan(64, 2, 4 * MB).workers).toBe(62); // small chunks: a worker per free core
    // The pipeline's parts of 2 photos (12 MB): 16 cores and a GPU get 14 workers, 16 parts at most.
    expect(preparePlan(16, 2, preparedChunkBytes(2, 10, 224))).toEqual({ workers: 14, ahead: 15 });
  });

  it('with chunks larger than the budget still overlaps one being prepared with one being encoded', () => {
    const huge = preparedChunkBytes(8, 65, 224); // an 8×8 grid: 313 MB a chunk
    expect(preparePlan(16, 2, huge)).toEqual({ workers: 1, ahead: 1 });
  });

  it('reads whatever the browser reports as at least one core and one model thread', () => {
    expect(preparePlan(0, 0, CHUNK)).toEqual({ workers: 1, ahead: 2 });
    expect(preparePlan(Number.NaN, Number.NaN, CHUNK)).toEqual({ workers: 1, ahead: 2 });
  });
});
