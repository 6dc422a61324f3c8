import type { CpuOperator } from '../../worker/protocol/pipeline-protocol';

/** "Cast ×1, Shape ×3" — operator types by count (most first, then by name); "none" when there are none. */
export function operatorSummary(operators: readonly CpuOperator[]): string {
  if (operators.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const { opType } of operators) counts.set(opType, (counts.get(opType) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([opType, count]) => `${opType} ×${count}`)
    .join(', ');
}
