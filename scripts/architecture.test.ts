import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of docs/architecture.md, checked on every import:
 * core ← worker/gpu ← app, and cli → core; no import cycles anywhere in src/ (type imports included);
 * the app reaches the worker only through its protocol and its clients; feature folders do not import
 * each other (shared pieces live in app/components, app/lib and app/state). The core must stay runnable
 * in a browser, a worker and Node.
 */
const CORE_PACKAGES = ['fflate', 'fast-xml-parser', '@huggingface/tokenizers', 'fast-png', 'onnx-proto'];
const APP_FILE_LINE_LIMIT = 250;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (type-only ones included) and dynamic imports. */
export function importsOf(text: string): string[] {
  const statics = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...statics, ...bare, ...dynamic];
}

function violations(folder: string, allowed: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((specifier) => !allowed(specifier, file))
      .map((specifier) => `${relative('.', file)} imports '${specifier}'`),
  );
}

/** The src-relative path a relative specifier names (without extension), or null for a package. */
const targetOf = (specifier: string, file: string): string | null => (specifier.startsWith('.') ? relative('src', join(file, '..', specifier)) : null);

const resolvesInside = (specifier: string, file: string, folders: string[]) => {
  const target = targetOf(specifier, file);
  return target !== null && folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
};

/** The source file a relative specifier resolves to, or null (a package, a stylesheet, a `?raw` asset). */
function resolveFile(specifier: string, file: string): string | null {
  if (!specifier.startsWith('.') || /\.(css|wgsl)(\?.*)?$|\?/.test(specifier)) return null;
  const base = join(dirname(file), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Tarjan's strongly connected components of the import graph: every component of more than one file is a cycle. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function importGraph(folder: string): Map<string, string[]> {
  const files = sourceFiles(folder);
  return new Map(
    files.map((file) => [
      relative('src', file),
      importsOf(readFileSync(file, 'utf8'))
        .map((specifier) => resolveFile(specifier, file))
        .filter((target): target is string => target !== null)
        .map((target) => relative('src', target)),
    ]),
  );
}

const featureOf = (path: string): string | null => /^app\/features\/([^/]+)\//.exec(path)?.[1] ?? null;

describe('architecture', () => {
  it('src/core imports only itself and its pure packages (no DOM, Node, React or WebGPU code)', () => {
    expect(violations('src/core', (spec, file) => CORE_PACKAGES.includes(spec) || resolvesInside(spec, file, ['core']))).toEqual([]);
  });

  it('src/cli imports only the core, itself and Node', () => {
    expect(
      violations('src/cli', (spec, file) => spec.startsWith('node:') || spec === 'onnxruntime-node' || resolvesInside(spec, file, ['core', 'cli'])),
    ).toEqual([]);
  });

  it('src/gpu imports only the core and itself', () => {
    expect(violations('src/gpu', (spec, file) => resolvesInside(spec, file, ['core', 'gpu']))).toEqual([]);
  });

  it('the worker protocol is a leaf: it imports only the core and itself', () => {
    expect(violations('src/worker/protocol', (spec, file) => resolvesInside(spec, file, ['core', 'worker/protocol']))).toEqual([]);
  });

  it('the app reaches the worker only through its protocol and its clients', () => {
    const allowed = (spec: string, file: string) => !resolvesInside(spec, file, ['worker']) || resolvesInside(spec, file, ['worker/protocol', 'worker/clients']);
    expect(violations('src/app', allowed)).toEqual([]);
  });

  it('src/ imports no devDependency: the bench\'s peers (transformers.js, tfjs) never enter the app', () => {
    const { devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const isDev = (spec: string) => Object.keys(devDependencies).some((name) => spec === name || spec.startsWith(`${name}/`));
    expect(Object.keys(devDependencies)).toContain('@huggingface/transformers');
    expect(violations('src', (spec) => !isDev(spec))).toEqual([]);
  });

  it('feature folders do not import each other', () => {
    const crossing = [...importGraph('src/app')].flatMap(([file, targets]) =>
      targets.filter((target) => featureOf(file) !== null && featureOf(target) !== null && featureOf(target) !== featureOf(file)).map((target) => `${file} → ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it('src/ has no import cycle (type-only imports count)', () => {
    expect(importCycles(importGraph('src'))).toEqual([]);
  });

  it(`no file in src/app is longer than ${APP_FILE_LINE_LIMIT} lines`, () => {
    const long = sourceFiles('src/app')
      .map((file) => ({ file: relative('.', file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter((entry) => entry.lines > APP_FILE_LINE_LIMIT);
    expect(long).toEqual([]);
  });

  it('finds cycles when there are some (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(importsOf("import type { X } from './x';\nexport { y } from \"../y\";\nconst m = await import('./lazy');\nimport './side.css';")).toEqual([
      './x',
      '../y',
      './side.css',
      './lazy',
    ]);
  });
});
