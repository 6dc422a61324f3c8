/**
 * Prepare workers of a finished run, kept a while for the next: a new worker prepares its first
 * photos cold (JavaScript not yet optimised, first buffers, its decoder's memory not yet grown), and
 * in bench/init its first part of 2 photos came ~100 ms after it was started, against ~35 ms for each
 * part after. A kept worker is terminated once unused for `idleMs` (its memory goes with it), and no
 * more than `max` are kept.
 */
export interface IdleWorkers {
  take(): Worker | undefined;
  /** Keeps a worker that has nothing in progress; its handlers are replaced. */
  keep(worker: Worker): void;
}

export function createIdleWorkers(idleMs: number, max: number): IdleWorkers {
  const kept = new Map<Worker, ReturnType<typeof setTimeout>>();
  const drop = (worker: Worker) => {
    clearTimeout(kept.get(worker));
    kept.delete(worker);
    worker.terminate();
  };
  return {
    take() {
      const worker = kept.keys().next().value;
      if (!worker) return undefined;
      clearTimeout(kept.get(worker));
      kept.delete(worker);
      return worker;
    },
    keep(worker) {
      worker.onmessage = null;
      // One that fails while kept is not handed out.
      worker.onerror = worker.onmessageerror = () => drop(worker);
      if (kept.size >= max) return drop(worker);
      kept.set(worker, setTimeout(() => drop(worker), idleMs));
    },
  };
}
