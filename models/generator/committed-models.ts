import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoClipFolder } from './demo-clip';
import { loadClipTokenizer, type ModelFile, modelFolderFiles, writeModelFiles } from './model-files';
import { tinyVitFolder } from './tiny-vit';

/** The generated folders committed under models/, and writing / checking them. */
export const MODELS_DIR = fileURLToPath(new URL('..', import.meta.url));
export const COMMITTED_MODEL_NAMES = ['tiny-vit', 'demo-clip'] as const;

export function committedModelFiles(): ModelFile[] {
  return [...modelFolderFiles(tinyVitFolder()), ...modelFolderFiles(demoClipFolder(loadClipTokenizer()))];
}

/** Replaces the committed folders with freshly generated ones, so no stale file survives. */
export function writeCommittedModels(root = MODELS_DIR): ModelFile[] {
  const files = committedModelFiles();
  for (const name of COMMITTED_MODEL_NAMES) rmSync(join(root, name), { recursive: true, force: true });
  writeModelFiles(root, files);
  return files;
}

export const fileBytes = (file: ModelFile) => Buffer.concat([...file.chunks()]);

/**
 * The differences between generated files and the folders under `root`: a file that differs, is
 * missing, or is in a committed folder without being generated. Empty when all bytes match.
 */
export function compareWithCommitted(files: readonly ModelFile[], root = MODELS_DIR): string[] {
  const expected = new Set(files.map((f) => f.path));
  const problems: string[] = [];
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    if (!existsSync(path)) {
      problems.push(`models/${file.path}: generated but not committed`);
      continue;
    }
    const committed = readFileSync(path);
    const generated = fileBytes(file);
    if (!committed.equals(generated)) {
      const sizes = `committed ${committed.length} bytes, generated ${generated.length}`;
      problems.push(`models/${file.path}: differs (${sizes})`);
    }
  }
  for (const name of COMMITTED_MODEL_NAMES) {
    for (const path of listFiles(join(root, name))) {
      const relativePath = relative(root, path).split(sep).join('/');
      if (!expected.has(relativePath)) problems.push(`models/${relativePath}: committed but no longer generated`);
    }
  }
  return problems;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
