import { createStore, entries, type UseStore } from 'idb-keyval';
import { storedBytes } from '../storage/stored-bytes';

/** The training runs kept in this browser and about how many bytes their records, checkpoints and Y0 take. */
export interface TrainingStorage {
  readonly runs: number;
  readonly bytes: number;
}

/** Read from the same databases as `openTrainingRecords(name)` (training-records.ts). */
export async function trainingStorage(name = 'cdul-training'): Promise<TrainingStorage> {
  const runs: UseStore = createStore(`${name}-runs`, 'keyval');
  const checkpoints: UseStore = createStore(`${name}-checkpoints`, 'keyval');
  const [records, states] = await Promise.all([entries(runs), entries(checkpoints)]);
  const bytes = [...records, ...states].reduce((sum, [key, value]) => sum + storedBytes(key) + storedBytes(value), 0);
  return { runs: records.length, bytes };
}
