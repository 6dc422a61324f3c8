import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of docs/architecture.md, checked on every import:
 * core ← worker/gpu ← app, and cli → core. The core must stay runnable in a browser, a worker and Node.
 */
const CORE_PACKAGES = ['fflate', 'fast-xml-parser', '@huggingface/tokenizers', 'jpeg-js', 'fast-png', 'onnx-proto'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function violations(folder: string, allowed: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier, file))
      .map((specifier) => `${relative('.', file)} imports '${specifier}'`),
  );
}

const resolvesInside = (specifier: string, file: string, folders: string[]) => {
  if (!specifier.startsWith('.')) return false;
  const target = relative('src', join(file, '..', specifier));
  return folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
};

describe('architecture', () => {
  it('src/core imports only itself and its pure packages (no DOM, Node, React or WebGPU code)', () => {
    expect(
      violations('src/core', (spec, file) => CORE_PACKAGES.includes(spec) || resolvesInside(spec, file, ['core'])),
    ).toEqual([]);
  });

  it('src/cli imports only the core, itself and Node', () => {
    expect(
      violations(
        'src/cli',
        (spec, file) => spec.startsWith('node:') || spec === 'onnxruntime-node' || resolvesInside(spec, file, ['core', 'cli']),
      ),
    ).toEqual([]);
  });

  it('src/gpu imports only the core and itself', () => {
    expect(violations('src/gpu', (spec, file) => resolvesInside(spec, file, ['core', 'gpu']))).toEqual([]);
  });
});
