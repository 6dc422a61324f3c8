import { entries, type UseStore } from 'idb-keyval';
import { createYieldingStore } from '../storage/yielding-store';
import { storedBytes } from '../storage/stored-bytes';

/** The training runs kept in this browser and about how many bytes their records, checkpoints and Y0 take. */
export interface TrainingStorage {
  readonly runs: number;
  readonly bytes: number;
}

/** Read from the same databases as `openTrainingRecords(name)` (training-records.ts). */
export async function trainingStorage(name = 'cdul-training'): Promise<TrainingStorage> {
  const { runs, checkpoints } = storesOf(name);
  const [records, states] = await Promise.all([entries(runs), entries(checkpoints)]);
  const bytes = [...records, ...states].reduce((sum, [key, value]) => sum + storedBytes(key) + storedBytes(value), 0);
  return { runs: records.length, bytes };
}

/** One pair of connections per name: a new pair per call (every storage panel refresh) was never closed. */
const opened = new Map<string, { readonly runs: UseStore; readonly checkpoints: UseStore }>();
function storesOf(name: string): { readonly runs: UseStore; readonly checkpoints: UseStore } {
  let stores = opened.get(name);
  if (!stores) opened.set(name, (stores = { runs: createYieldingStore(`${name}-runs`, 'keyval'), checkpoints: createYieldingStore(`${name}-checkpoints`, 'keyval') }));
  return stores;
}
