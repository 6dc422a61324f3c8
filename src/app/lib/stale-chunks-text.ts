import type { StaleChunksMessage } from '../../worker/protocol/pipeline-protocol';

/** The run panel's sentence for stored chunks a run encodes again. */
export function staleChunksText(notice: StaleChunksMessage): string {
  const chunks = `${notice.chunks} chunk${notice.chunks === 1 ? '' : 's'} (${notice.images} image${notice.images === 1 ? '' : 's'})`;
  if (notice.reason === 'missing') {
    return `${chunks} this run had stored were gone from the browser's storage (cleared or evicted): encoded again, the rest kept.`;
  }
  const more = notice.changed - notice.files.length;
  const named = notice.files.join(', ') + (more > 0 ? ` and ${more} more` : '');
  const files = notice.changed === 1 ? `1 image changed since it was encoded (${named})` : `${notice.changed} images changed since they were encoded (${named})`;
  return `${files}: ${chunks} encoded again, the other chunks come from the browser cache.`;
}
