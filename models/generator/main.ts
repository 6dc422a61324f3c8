import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeVitB32Model } from './benchmark-model';
import { compareWithCommitted, MODELS_DIR, writeCommittedModels } from './committed-models';

/**
 * npm run models           writes models/tiny-vit and models/demo-clip
 * npm run models:check     regenerates into a temporary folder and compares with the committed bytes
 * tsx models/generator/main.ts --vit-b32 OUT_DIR   the full-size benchmark model (never into the repo)
 * Exit 0 on success, 1 when the check finds a difference, 2 on a usage error.
 */
const USAGE = 'usage: tsx models/generator/main.ts [--check | --vit-b32 OUT_DIR]';
const REPO_ROOT = resolve(MODELS_DIR, '..');

const OPTIONS = { check: { type: 'boolean' }, 'vit-b32': { type: 'string' } } as const;

function parseOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return null;
  }
}

function main(argv: string[]): number {
  const values = parseOptions(argv);
  if (values === null) return 2;
  if (values.check && values['vit-b32'] !== undefined) {
    console.error(`--check and --vit-b32 do not go together\n${USAGE}`);
    return 2;
  }
  if (values['vit-b32'] !== undefined) return writeBenchmark(values['vit-b32']);
  return values.check ? check() : generate();
}

function generate(): number {
  const files = writeCommittedModels();
  console.log(`wrote ${files.length} files under ${relative(process.cwd(), MODELS_DIR) || '.'}`);
  return 0;
}

function check(): number {
  const tempDir = mkdtempSync(resolve(tmpdir(), 'cdul-models-'));
  const files = writeCommittedModels(tempDir);
  const problems = compareWithCommitted(files);
  if (problems.length === 0) {
    rmSync(tempDir, { recursive: true, force: true });
    console.log(`models: all ${files.length} generated files match the committed ones`);
    return 0;
  }
  for (const problem of problems) console.error(problem);
  console.error(`models: ${problems.length} difference(s); the regenerated files are in ${tempDir}`);
  console.error('(`npm run models` rewrites the committed ones)');
  return 1;
}

function writeBenchmark(outDir: string): number {
  const dir = resolve(outDir);
  const fromRepo = relative(REPO_ROOT, dir);
  if (fromRepo === '' || (!fromRepo.startsWith('..') && !isAbsolute(fromRepo))) {
    console.error(`refusing to write the 350 MB benchmark model inside the repository (${dir})`);
    return 2;
  }
  const model = writeVitB32Model(dir);
  console.log(`wrote ${model.files.join(', ')} in ${model.dir}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
