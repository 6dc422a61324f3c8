import { create } from 'zustand';
import { tryLock, waitForLock, type RunLock } from './run-lock';
import { trainingRunLockName } from './run-lock-name';

/**
 * One writer per training run across the lab's tabs. The tab whose training worker trains a run holds
 * the run's Web Lock from its start (or resume) to its last record. Another tab's load() finds the lock
 * held: the run is training there, not interrupted — it is shown as running in another tab, its record
 * read again from IndexedDB on every broadcast of the writing tab, and when the lock comes free while
 * the record still says 'running' (that tab closed mid-run) the run is marked stopped, resumable, as a
 * reload would leave it. A run held elsewhere cannot be resumed or deleted here.
 */
export const useTrainingElsewhere = create<{ readonly runIds: readonly string[] }>(() => ({ runIds: [] }));

export const isTrainingElsewhere = (id: string): boolean => useTrainingElsewhere.getState().runIds.includes(id);

const CHANNEL = 'cdul-training-follow';

interface RecordStored {
  readonly type: 'record-stored';
  readonly runId: string;
}

export class TrainingOwnership {
  private readonly held = new Map<string, RunLock>();
  private readonly channel: BroadcastChannel | null;

  /**
   * `reread`: another tab stored a record of the run (read it again); `writerGone`: the tab training a
   * followed run let it go (see `trainedElsewhere`).
   */
  constructor(
    private readonly reread: (id: string) => void,
    private readonly writerGone: (id: string) => Promise<void>,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.channel) this.channel.onmessage = (event: MessageEvent<RecordStored>) => this.heard(event.data.runId);
  }

  /** A run started (or resumed) in another tab after this one loaded is followed from its first record on. */
  private heard(id: string): void {
    if (this.held.has(id)) return;
    if (!isTrainingElsewhere(id)) void this.trainedElsewhere(id);
    this.reread(id);
  }

  /** Takes the run's lock for this tab's training worker; false when another tab trains it. */
  async own(id: string): Promise<boolean> {
    if (this.held.has(id)) return true;
    const lock = await tryLock(trainingRunLockName(id));
    if (lock) this.held.set(id, lock);
    return lock !== null;
  }

  /** The run's last record is in: other tabs may take it (resume it, delete it). */
  release(id: string): void {
    this.held.get(id)?.release();
    this.held.delete(id);
  }

  /** A record of a run this tab trains was stored: followers read it again. */
  announce(id: string): void {
    if (this.held.has(id)) this.channel?.postMessage({ type: 'record-stored', runId: id } satisfies RecordStored);
  }

  /**
   * For a stored run that says 'running': true when another tab trains it — followed until that tab
   * lets go, then `writerGone` (its record read again: finished, or still 'running' after a close).
   */
  async trainedElsewhere(id: string): Promise<boolean> {
    const name = trainingRunLockName(id);
    const lock = await tryLock(name);
    if (lock) {
      lock.release(); // nobody trains it: a reload or a closed tab interrupted it
      return false;
    }
    useTrainingElsewhere.setState((state) => ({ runIds: [...state.runIds, id] }));
    void waitForLock(name, new AbortController().signal).then(async (released) => {
      try {
        await this.writerGone(id);
      } finally {
        useTrainingElsewhere.setState((state) => ({ runIds: state.runIds.filter((x) => x !== id) }));
        released.release();
      }
    });
    return true;
  }
}
