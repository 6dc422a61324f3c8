import { MODEL_VARIANTS, SHARED_MODEL_PATHS, towerPath, type ModelTower, type ModelVariant } from '../../core/clip/model-catalog';
import { ModelFiles } from './model-files';

/**
 * The user's own copy of a model: a picked folder (<input webkitdirectory>, each File has a
 * webkitRelativePath) or individual files (names only). Both are mapped to the hub layout, so the same
 * loader serves a download and a local folder.
 */
export interface LocalModelSelection {
  /** Hub-layout path → the picked file, for the chosen variant. */
  readonly files: ReadonlyMap<string, File>;
  /** The precision whose tower files were found (the preferred one when the towers are missing). */
  readonly variant: ModelVariant;
  /** Required hub paths no picked file maps to. */
  readonly missing: readonly string[];
  /** Hub paths more than one picked file maps to equally well, with those files. */
  readonly ambiguous: readonly { readonly path: string; readonly files: readonly string[] }[];
  /** Picked files the model does not use (README, other precisions, merges.txt, …). */
  readonly ignored: readonly string[];
  /** One sentence for the user, or null when the selection is a complete model. */
  readonly problem: string | null;
}

const TOWER_FILE = /^(vision|text)_model(_fp16|_quantized)?\.onnx$/;
const SHARED = new Set<string>(SHARED_MODEL_PATHS);

interface Candidate {
  readonly file: File;
  readonly shownAs: string;
  /** 0: the relative path is the hub path itself; 1: matched by file name only. */
  readonly rank: number;
}

export function modelFilesFromLocal(picked: ArrayLike<File>, preferred: ModelVariant = 'fp32'): LocalModelSelection {
  const byPath = new Map<string, Candidate[]>();
  const ignored: string[] = [];
  for (const file of Array.from(picked)) {
    const { relative, shownAs } = relativePath(file);
    const hubPath = hubPathOf(relative);
    if (hubPath === null) ignored.push(shownAs);
    else byPath.set(hubPath, [...(byPath.get(hubPath) ?? []), { file, shownAs, rank: relative === hubPath ? 0 : 1 }]);
  }
  const variant = chooseVariant(byPath, preferred);
  const required = [towerPath('vision', variant), towerPath('text', variant), ...SHARED_MODEL_PATHS];
  const files = new Map<string, File>();
  const ambiguous: { path: string; files: string[] }[] = [];
  for (const [path, candidates] of byPath) {
    if (!required.includes(path)) {
      ignored.push(...candidates.map((c) => c.shownAs));
      continue;
    }
    const best = Math.min(...candidates.map((c) => c.rank));
    const top = candidates.filter((c) => c.rank === best);
    if (top.length > 1) ambiguous.push({ path, files: top.map((c) => c.shownAs) });
    else files.set(path, top[0]!.file);
  }
  const missing = required.filter((path) => !byPath.has(path));
  return { files, variant, missing, ambiguous, ignored, problem: describeProblem(picked.length, missing, ambiguous) };
}

/** Reads the picked files into memory; refuses an incomplete selection with its problem. */
export async function readLocalModelFiles(selection: LocalModelSelection): Promise<ModelFiles> {
  if (selection.problem !== null) throw new Error(`The picked model files are incomplete: ${selection.problem}`);
  const entries = await Promise.all(
    [...selection.files].map(async ([path, file]) => [path, await file.arrayBuffer()] as const),
  );
  return new ModelFiles(selection.variant, new Map(entries));
}

/** A folder pick prefixes every path with the folder's own name, which says nothing about the layout. */
function relativePath(file: File): { relative: string; shownAs: string } {
  const full = file.webkitRelativePath || file.name;
  const parts = full.split('/');
  return { relative: file.webkitRelativePath ? parts.slice(1).join('/') : file.name, shownAs: full };
}

/** The hub path a picked file stands for: its own relative path when that is one, else by file name. */
function hubPathOf(relative: string): string | null {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  if (TOWER_FILE.test(name)) return `onnx/${name}`;
  return SHARED.has(name) ? name : null;
}

/** The preferred precision if both its towers are there, else the one with the most tower files. */
function chooseVariant(byPath: ReadonlyMap<string, unknown>, preferred: ModelVariant): ModelVariant {
  const order = [preferred, ...MODEL_VARIANTS.filter((v) => v !== preferred)];
  const towers: readonly ModelTower[] = ['vision', 'text'];
  const found = (variant: ModelVariant) => towers.filter((tower) => byPath.has(towerPath(tower, variant))).length;
  return order.reduce((best, variant) => (found(variant) > found(best) ? variant : best), preferred);
}

function describeProblem(
  pickedCount: number,
  missing: readonly string[],
  ambiguous: readonly { path: string; files: readonly string[] }[],
): string | null {
  if (pickedCount === 0) return 'no files were picked';
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
  for (const { path, files } of ambiguous) {
    parts.push(`${files.length} files for ${path} (${files.join(', ')}): pick one model folder`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}
