import { snippetDetail } from '../../core/lab/snippet-detail';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import { byMode, type PseudoLabelMode } from '../../core/evaluation/pseudo-label-modes';
import { computePseudoLabels } from '../../core/evaluation/pseudo-labels';
import { evaluatePseudoLabels, sweepPseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import { classPrCurve } from '../../core/metrics/pr-curve';
import { matrixRow, type LabelMatrix, type Matrix } from '../../core/types';
import { evaluateState, type LabState } from '../pipeline/similarity-state';
import type { LabQuery } from '../protocol/lab-protocol';
import { answer, type LabAnswer, type LabRun } from './lab-run';
import { trainingDataAnswer } from './training-data';

/** Answers one query; throws RangeError for an image or class outside the run. */
export async function answerLabQuery(run: LabRun, query: LabQuery): Promise<LabAnswer> {
  const state = await stateFor(run, query);
  switch (query.kind) {
    case 'summary':
      return answer(evaluateState(state, query.settings), []);
    case 'scores': {
      const scores = byMode((mode) => copy(labelsAt(state, query.settings, mode).data));
      const truth = state.labels?.data.slice() ?? null;
      return answer({ kind: 'scores', ids: state.ids, classes: state.classes, scores, truth }, [...Object.values(scores).map((a) => a.buffer), ...(truth ? [truth.buffer] : [])]);
    }
    case 'image':
      return imageAnswer(state, query.index, query.settings);
    case 'cached-grids': {
      const current = Math.round(Math.sqrt(state.snippets));
      const grids = (await run.cachedGrids?.()) ?? [current];
      return answer({ kind: 'cached-grids', current, grids: grids.includes(current) ? grids : [...grids, current].sort((a, b) => a - b) }, []);
    }
    case 'image-file':
      return imageFileAnswer({ ...run, state }, query.index);
    case 'training-data':
      return trainingDataAnswer(run, state, query.settings, query.valSplit);
    case 'val-candidates':
      return answer({ kind: 'val-candidates', candidates: (await run.valCandidates?.()) ?? [] }, []);
    case 'evaluation': {
      const inputs = state.inputsAt(query.settings.scale ?? state.modelScale);
      const truth = requireTruth(state);
      const results = byMode((mode) => evaluatePseudoLabels(inputs, truth, state.classes, { mode, ...pseudoSettings(query.settings) }));
      return answer({ kind: 'evaluation', results }, []);
    }
    case 'pr-curves': {
      if (!(query.classIndex >= 0 && query.classIndex < state.classes.length)) throw new RangeError(`no class ${query.classIndex}`);
      const metric = { convention: query.settings.convention, difficult: query.settings.difficult };
      const truth = requireTruth(state);
      const curves = byMode((mode) => classPrCurve(labelsAt(state, query.settings, mode), truth, query.classIndex, metric));
      return answer({ kind: 'pr-curves', classIndex: query.classIndex, curves }, []);
    }
    case 'zeta-sweep': {
      const inputs = state.inputsAt(query.settings.scale ?? state.modelScale);
      const { lambda, convention, difficult } = query.settings;
      const truth = requireTruth(state);
      const sweep = (mode: PseudoLabelMode) =>
        sweepPseudoLabels(inputs, truth, state.classes, { mode, lambda, convention, difficult }, query.zetas).map((point) => point.result.mAP);
      return answer({ kind: 'zeta-sweep', zetas: query.zetas, mAP: byMode(sweep) }, []);
    }
  }
}

/** The run's state, or the same images under the query's own grid and/or prompt template. */
async function stateFor(run: LabRun, query: LabQuery): Promise<LabState> {
  const settings = 'settings' in query ? query.settings : undefined;
  const grid = settings?.grid !== undefined && settings.grid * settings.grid !== run.state.snippets ? settings.grid : undefined;
  const template = settings?.promptTemplate;
  if (grid === undefined && template === undefined) return run.state;
  if (!run.derive) throw new RangeError('these scores were stored without embeddings: their grid and prompts cannot change');
  return run.derive({ grid, template });
}

function imageAnswer(state: LabState, index: number, settings: LabSettings): LabAnswer {
  const id = state.ids[index];
  if (id === undefined) throw new RangeError(`no image ${index} in a run of ${state.ids.length}`);
  const scale = settings.scale ?? state.modelScale;
  const inputs = state.inputsAt(scale);
  // A reference cache kept only α/β: no snippet scores to show (grid 0 tells the view so).
  const detail = state.localCos ? snippetDetail(state.localCos, index, state.snippets, scale) : null;
  const scores = byMode((mode) => copy(matrixRow(labelsAt(state, settings, mode), index)));
  const row = (matrix: Matrix) => copy(matrixRow(matrix, index));
  const classes = state.classes.length;
  const truth = state.labels?.data.slice(index * classes, (index + 1) * classes) ?? null;
  const result = {
    kind: 'image' as const,
    index,
    id,
    grid: detail ? Math.round(Math.sqrt(state.snippets)) : 0,
    snippetScores: detail?.scores.data ?? new Float32Array(0),
    alphaSnippet: detail?.alphaSnippet ?? new Int32Array(0),
    betaSnippet: detail?.betaSnippet ?? new Int32Array(0),
    alpha: row(inputs.alpha),
    beta: row(inputs.beta),
    scores,
    truth,
  };
  return answer(result, [result.snippetScores.buffer, result.alphaSnippet.buffer, result.betaSnippet.buffer, ...(truth ? [truth.buffer] : [])]);
}

async function imageFileAnswer(run: LabRun, index: number): Promise<LabAnswer> {
  const id = run.state.ids[index];
  const path = id === undefined ? undefined : run.imageFiles.get(id);
  if (id === undefined || path === undefined) throw new RangeError(`no image file for image ${index}`);
  const bytes = await run.source.readBytes(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return answer({ kind: 'image-file', index, id, path, bytes: buffer, mimeType: mimeTypeOf(bytes) }, [buffer]);
}

/** From the file's first bytes, not its name: VOC folders hold PNGs named .jpg. */
function mimeTypeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  return 'image/jpeg';
}

/** mAP, PR curves and sweeps need ground truth: a folder without any gets a sentence, not a crash. */
function requireTruth(state: LabState): LabelMatrix {
  if (!state.labels) throw new RangeError('this dataset has no ground truth: mAP and PR curves need labelled images');
  return state.labels;
}

function labelsAt(state: LabState, settings: LabSettings, mode: PseudoLabelMode): Matrix {
  return computePseudoLabels(state.inputsAt(settings.scale ?? state.modelScale), { mode, zeta: settings.zeta, lambda: settings.lambda });
}

function pseudoSettings(settings: LabSettings) {
  return { zeta: settings.zeta, lambda: settings.lambda, convention: settings.convention, difficult: settings.difficult };
}

/** A copy: the state's own matrices must stay in the worker (transferring would detach them). */
const copy = (array: Float32Array) => new Float32Array(array);
