/**
 * What a store key (see joinRunKey in run-key.ts: `<source>/split:…/model:…/pre:…/grid:…`) says about
 * its run, for the words a view shows ("split val, demo-clip, 3×3 grid"). Null parts when a key lacks them.
 */
export interface RunKeyFacts {
  readonly split: string | null;
  readonly modelId: string | null;
  readonly grid: number | null;
}

export function runKeyFacts(key: string): RunKeyFacts {
  const part = (name: string): string | null => {
    const found = key.split('/').find((piece) => piece.startsWith(`${name}:`));
    return found === undefined ? null : decodeURIComponent(found.slice(name.length + 1));
  };
  const grid = Number(part('grid'));
  return { split: part('split'), modelId: part('model'), grid: Number.isInteger(grid) && grid > 0 ? grid : null };
}
