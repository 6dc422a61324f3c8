import { sigmoid } from '../../core/cdul/alignment-reference';
import { keptEpochOf } from '../../core/training/trainer';
import { DEFAULT_TRAINING_SETTINGS, SETTINGS_BEFORE_THEY_EXISTED, type TrainingSettings } from '../../core/training/training-settings';
import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { TrainingClient } from '../../worker/clients/training-client';
import { openTrainingRecords, trimToCheckpoint, type TrainingRecords } from '../../worker/clients/training-records-client';
import type { TrainingBackend, TrainingDataMessage, TrainingRunMeta, TrainingRunRecord } from '../../worker/protocol/training-protocol';
import { useLabStore } from './lab-store';
import { exportedRunOf } from './exported-run';
import { useRunStatus } from './run-status-store';
import { useTrainingStore } from './training-store';
import { isTrainingElsewhere, TrainingOwnership } from './training-ownership';

export interface TrainRequest {
  readonly settings: TrainingSettings;
  readonly backend: TrainingBackend;
  /** null: 'val' when stored, else another stored split. */
  readonly valSplit: string | null;
}

/**
 * What the training view does: asks the pipeline worker for the finished run's features and Y0, hands
 * them to the training worker, keeps the store in step with its records, runs sweeps one run after
 * another, and loads a run's refined labels for the gallery and inspector.
 */
export class TrainingController {
  private readonly records: TrainingRecords;
  /** One writer per run across tabs (training-ownership.ts). */
  private readonly ownership = new TrainingOwnership(
    (id) => void this.records.get(id).then((run) => run && useTrainingStore.getState().upsert(run)),
    (id) => this.writerGone(id),
  );

  constructor(
    private readonly pipeline: PipelineClient,
    private readonly worker: TrainingClient,
    records?: TrainingRecords,
  ) {
    this.records = records ?? openTrainingRecords();
    worker.subscribe((message) => {
      if (message.type === 'record') this.receive(message.record);
      // A crashed worker (runId null) ends whatever was training, and the sweep with it.
      else if (message.runId === null || message.runId === this.active()) {
        const active = this.active();
        if (active) this.ownership.release(active);
        useTrainingStore.getState().set({ error: message.message, activeRunId: null, sweep: null });
      }
      else useTrainingStore.getState().set({ error: message.message });
    });
  }

  /** Reads the stored runs; a run a reload interrupted is marked stopped, to resume by hand; one another tab trains is followed. */
  async load(): Promise<void> {
    // Runs stored before a setting existed trained without it (the lab's label schedule, no held-out share).
    const runs = (await this.records.list()).map((run) => ({
      ...run,
      meta: { ...run.meta, settings: { ...DEFAULT_TRAINING_SETTINGS, ...SETTINGS_BEFORE_THEY_EXISTED, ...run.meta.settings } },
      figures: run.figures.map((figure) => ({ ...figure, heldOutLoss: figure.heldOutLoss ?? null, heldOutMap: figure.heldOutMap ?? null })),
    }));
    const settled = await Promise.all(
      runs.map(async (run) => {
        if (run.status !== 'running' && run.status !== 'queued') return run;
        if (await this.ownership.trainedElsewhere(run.meta.id)) return run;
        return this.markInterrupted(run, 'a reload');
      }),
    );
    useTrainingStore.getState().setRuns(settled);
  }

  private async markInterrupted(run: TrainingRunRecord, by: string): Promise<TrainingRunRecord> {
    const checkpoint = await this.records.checkpoint(run.meta.id);
    const kept = trimToCheckpoint(run, checkpoint?.epoch ?? 0);
    const stopped: TrainingRunRecord = { ...kept, status: 'stopped', error: `interrupted by ${by} after epoch ${kept.figures.length}: resume continues from there` };
    await this.records.put(stopped);
    return stopped;
  }

  /** The tab training a followed run let it go: its last record, or — closed mid-run — the run marked stopped. */
  private async writerGone(id: string): Promise<void> {
    const run = await this.records.get(id);
    if (!run) return;
    const settled = run.status === 'running' || run.status === 'queued' ? await this.markInterrupted(run, 'closing the tab training it') : run;
    useTrainingStore.getState().upsert(settled);
  }

  async train(request: TrainRequest, sweep?: { id: string; name: string; index: number; total: number }): Promise<void> {
    const store = useTrainingStore.getState();
    if (store.activeRunId) throw new Error('a run is training: stop it first');
    const { data, runKey, labelSettings } = await this.trainingData(request.valSplit);
    // Early stopping and the kept epoch watch the held-out score, never the ground truth: a folder without it trains the same way.
    const settings = request.settings;
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await this.ownership.own(id);
    const meta: TrainingRunMeta = {
      id,
      name: sweep ? `${sweep.name} · ${sweep.index}/${sweep.total}` : `#${nextRunNumber(store.runs)}`,
      createdAt: Date.now(),
      embeddingRunKey: runKey,
      source: exportedRunOf(useRunStatus.getState()) ?? undefined,
      labelSettings,
      settings,
      valSplit: data.val?.split ?? null,
      sweepId: sweep?.id ?? null,
      images: data.ids.length,
      classes: data.classes,
      dim: data.dim,
    };
    await this.records.putInitialLabels(id, data.initialLabels);
    useTrainingStore.getState().set({ activeRunId: id, error: null, shown: [...useTrainingStore.getState().shown.filter((x) => x !== id), id] });
    useTrainingStore.setState({ focusedRunId: id });
    this.send(meta, data, request.backend, false);
  }

  /** Continues a stopped run from its last finished epoch, on the same Y0 (recomputed, not stored). */
  async resume(id: string, backend: TrainingBackend): Promise<void> {
    const run = useTrainingStore.getState().runs.find((r) => r.meta.id === id);
    if (!run) throw new Error('no such training run');
    if (useTrainingStore.getState().activeRunId) throw new Error('a run is training: stop it first');
    const { data, runKey } = await this.trainingData(run.meta.valSplit, run.meta.labelSettings);
    if (runKey !== run.meta.embeddingRunKey) throw new Error(`${run.meta.name} was trained on another run of images: open that dataset, model and grid first`);
    if (!(await this.ownership.own(id))) throw new Error(`${run.meta.name} is training in another tab`);
    const shown = useTrainingStore.getState().shown;
    useTrainingStore.getState().set({ activeRunId: id, error: null, shown: shown.includes(id) ? shown : [...shown, id] });
    useTrainingStore.setState({ focusedRunId: id });
    this.send(run.meta, data, backend, true);
  }

  stop(): void {
    useTrainingStore.getState().set({ sweep: null });
    this.worker.send({ type: 'stop' });
  }

  /** Runs every setting of a planned sweep one after another (each a run of its own). */
  async sweep(plan: readonly TrainingSettings[], backend: TrainingBackend, valSplit: string | null): Promise<void> {
    if (plan.length === 0) return;
    const id = `sweep-${Date.now().toString(36)}`;
    const name = `sweep ${nextSweepNumber(useTrainingStore.getState().runs)}`;
    useTrainingStore.getState().set({ sweep: { id, name, total: plan.length, pending: plan.slice(1), backend, valSplit } });
    await this.train({ settings: plan[0]!, backend, valSplit }, { id, name, index: 1, total: plan.length });
  }

  async remove(id: string): Promise<void> {
    if (useTrainingStore.getState().activeRunId === id) throw new Error('stop the run before deleting it');
    if (isTrainingElsewhere(id)) throw new Error('this run is training in another tab');
    await this.records.remove(id);
    useTrainingStore.getState().removeRun(id);
  }

  /** Loads a run's refined labels (σ(z) of its kept epoch: the best held-out one, else the last) and Y0 for the gallery and inspector. */
  async showRefined(id: string | null): Promise<void> {
    if (id === null) return useTrainingStore.getState().set({ refined: null });
    const run = useTrainingStore.getState().runs.find((r) => r.meta.id === id);
    const [checkpoint, initial] = await Promise.all([this.records.checkpoint(id), this.records.initialLabels(id)]);
    const kept = checkpoint && keptEpochOf(checkpoint);
    if (!run || !kept || !initial) throw new Error('this run has no finished epoch yet');
    const refined = kept.latent.map((z) => sigmoid(z));
    useTrainingStore.getState().set({ refined: { runId: id, runName: run.meta.name, embeddingRunKey: run.meta.embeddingRunKey, epoch: kept.epoch, refined, initial } });
  }

  /** The head's parameters after the last finished epoch (for the ONNX export). */
  async checkpoint(id: string) {
    return this.records.checkpoint(id);
  }

  /** Test hook (`?e2e`, e2e-hooks.ts): the training worker destroys its GPU device. */
  debugLoseDevice(): void {
    this.worker.send({ type: 'debug-lose-device' });
  }

  /**
   * Records of a running run arrive once per epoch — dozens a second for a small run; the charts and
   * tables redraw at most every RENDER_INTERVAL_MS so the page stays responsive (Stop must be clickable).
   */
  private receive(record: TrainingRunRecord): void {
    if (record.status === 'running') {
      const first = this.pending === null;
      this.pending = record;
      if (first) setTimeout(() => this.flushPending(), RENDER_INTERVAL_MS);
      return;
    }
    this.pending = null;
    const store = useTrainingStore.getState();
    store.upsert(record);
    this.ownership.announce(record.meta.id);
    this.ownership.release(record.meta.id);
    if (record.meta.id !== store.activeRunId) return;
    store.set({ activeRunId: null });
    // A refined-labels view of this run follows its last epoch.
    if (store.refined?.runId === record.meta.id) void this.showRefined(record.meta.id);
    const sweep = store.sweep;
    if (!sweep || record.meta.sweepId !== sweep.id || record.status === 'stopped') return;
    const [next, ...rest] = sweep.pending;
    if (!next) return store.set({ sweep: null });
    store.set({ sweep: { ...sweep, pending: rest } });
    const index = sweep.total - rest.length;
    this.train({ settings: next, backend: sweep.backend, valSplit: sweep.valSplit }, { id: sweep.id, name: sweep.name, index, total: sweep.total }).catch((error: unknown) =>
      useTrainingStore.getState().set({ error: error instanceof Error ? error.message : String(error), sweep: null }),
    );
  }

  private pending: TrainingRunRecord | null = null;

  private flushPending(): void {
    if (this.pending) useTrainingStore.getState().upsert(this.pending);
    if (this.pending) this.ownership.announce(this.pending.meta.id); // stored before it was posted here
    this.pending = null;
  }

  private send(meta: TrainingRunMeta, data: TrainingDataMessage, backend: TrainingBackend, resume: boolean): void {
    // Without ground truth (a plain folder) there is no truth to hand over, and no val set either.
    const truth = data.truth ? [data.truth.buffer] : [];
    const transfer = [data.features.buffer, data.initialLabels.buffer, ...truth, ...(data.val ? [data.val.features.buffer, data.val.truth.buffer] : [])];
    this.worker.send({ type: 'train', meta, data, backend, resume }, transfer as Transferable[]);
  }

  private async trainingData(valSplit: string | null, labelSettings?: TrainingRunMeta['labelSettings']) {
    const run = useRunStatus.getState();
    if (run.phase !== 'complete' || !run.runKey) throw new Error('no finished run: compute pseudo labels in the workspace first');
    const { settings } = useLabStore.getState();
    const chosen = labelSettings ?? { zeta: settings.zeta, lambda: settings.lambda, scale: settings.scale };
    const result = await this.pipeline.ask({ kind: 'training-data', settings: { ...settings, ...chosen }, valSplit });
    const { kind: _kind, valCandidates: _candidates, valNote, ...data } = result;
    useTrainingStore.setState({ valNote });
    return { data, runKey: run.runKey, labelSettings: chosen };
  }

  private active(): string | null {
    return useTrainingStore.getState().activeRunId;
  }
}

const RENDER_INTERVAL_MS = 250;

/** Run names are unique (the runs table keys rows by them): one more than the largest in use. */
function nextRunNumber(runs: readonly TrainingRunRecord[]): number {
  return nextNumber(runs, /^#(\d+)$/);
}

function nextSweepNumber(runs: readonly TrainingRunRecord[]): number {
  return nextNumber(runs, /^sweep (\d+) · /);
}

function nextNumber(runs: readonly TrainingRunRecord[], pattern: RegExp): number {
  const numbers = runs.map((run) => pattern.exec(run.meta.name)?.[1]).filter(Boolean).map(Number);
  return Math.max(0, ...numbers) + 1;
}
