import { runCache } from '../cache/run-cache';
import type { CliOutput } from '../output';
import { parseCacheOptions } from './cache-options';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;

export async function cacheCommand(argv: string[], output: CliOutput): Promise<number> {
  const options = parseCacheOptions(argv);
  const signal = { stop: false };
  const onInterrupt = () => {
    if (signal.stop) process.exit(INTERRUPTED); // a second Ctrl-C: finished chunks are safe on disk
    signal.stop = true;
    output.note('\ncache: stopping after the current chunk (Ctrl-C again to quit at once)…');
  };
  process.on('SIGINT', onInterrupt);
  try {
    const result = await runCache(options, output, signal);
    if (result.status === 'interrupted') return INTERRUPTED;
    const manifest = result.manifest!;
    for (const item of manifest.skipped) output.note(`warning: skipped ${item.id}: ${item.reason}`);
    output.result(
      `cache ${options.outDir}: ${manifest.ids.length} images encoded, ${manifest.skipped.length} skipped · ` +
        `model ${manifest.model.id} · grid ${manifest.grid}×${manifest.grid} · ${manifest.classes.length} classes` +
        (manifest.shard ? ` · shard ${manifest.shard.index}/${manifest.shard.count}` : ''),
    );
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
