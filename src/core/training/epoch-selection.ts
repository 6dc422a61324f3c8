import type { TrainingSettings } from './training-settings';

/**
 * The epoch a run keeps (issue 14): the one whose head scored best on the held-out images against
 * their Y0 — no ground truth involved — with its parameters and pseudo labels, restored at the end.
 */
export interface SelectedEpoch {
  readonly epoch: number;
  /** Held-out binary KL against Y0 of that epoch's head (the selection criterion: lower is better). */
  readonly heldOutLoss: number;
  readonly params: readonly Float32Array[];
  /** Latent logits z of the pseudo labels after that epoch. */
  readonly latent: Float32Array;
}

/** Where a run stands for selection and early stopping. */
export interface SelectionTracking {
  readonly selected: SelectedEpoch | null;
  /** Label updates (all after warm-up) since the selected epoch: what patience counts. */
  readonly updatesSinceSelected: number;
}

export const NO_SELECTION: SelectionTracking = { selected: null, updatesSinceSelected: 0 };

/**
 * After an epoch: a strictly lower held-out loss selects it (the first epoch wins ties); otherwise a
 * label-update epoch counts towards patience. Warm-up epochs never count: they cannot be label updates.
 * `snapshot` copies the epoch's tensors, only called when the epoch is selected.
 */
export function trackSelection(
  tracking: SelectionTracking,
  epoch: { readonly epoch: number; readonly labelUpdate: boolean; readonly heldOutLoss: number | null },
  snapshot: () => { params: readonly Float32Array[]; latent: Float32Array },
): SelectionTracking {
  const loss = epoch.heldOutLoss;
  if (loss === null) return tracking;
  const best = tracking.selected;
  if (!Number.isNaN(loss) && (best === null || loss < best.heldOutLoss)) {
    return { selected: { epoch: epoch.epoch, heldOutLoss: loss, ...snapshot() }, updatesSinceSelected: 0 };
  }
  return { selected: best, updatesSinceSelected: tracking.updatesSinceSelected + (epoch.labelUpdate ? 1 : 0) };
}

/** After the last epoch, or `patience` label updates without a better held-out score. */
export function isRunOver(epoch: number, tracking: SelectionTracking, settings: Pick<TrainingSettings, 'epochs' | 'patience'>): boolean {
  return epoch >= settings.epochs || (settings.patience !== null && tracking.updatesSinceSelected >= settings.patience);
}

/** A checkpoint stored before selection existed has neither field. */
export function selectionOf(state: Partial<SelectionTracking>): SelectionTracking {
  return { selected: state.selected ?? null, updatesSinceSelected: state.updatesSinceSelected ?? 0 };
}

/**
 * The epoch a run keeps, from its figures alone (for records stored before a run kept one): the
 * lowest held-out loss, first on ties, as trackSelection picks it; else the last epoch; null if none.
 */
export function keptEpochNumber(figures: readonly { readonly epoch: number; readonly heldOutLoss?: number | null }[]): number | null {
  let kept: { epoch: number; loss: number } | null = null;
  for (const { epoch, heldOutLoss } of figures) {
    if (heldOutLoss === null || heldOutLoss === undefined || Number.isNaN(heldOutLoss)) continue;
    if (kept === null || heldOutLoss < kept.loss) kept = { epoch, loss: heldOutLoss };
  }
  return kept?.epoch ?? figures.at(-1)?.epoch ?? null;
}
