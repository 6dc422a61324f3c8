import type { OrtLogLine } from './ort-log';

/** One graph node and the execution provider onnxruntime assigned it to. */
export interface PlacedNode {
  readonly provider: string;
  readonly opType: string;
  readonly name: string;
}

const PLACED_ON = /^(?:All nodes|Node\(s\)) placed on \[([^\]]+)\]/;
const NODE = /^(\S+) \((.*)\)$/;

/**
 * The node placements onnxruntime prints at Verbose level when a session is created
 * (session_state.cc, VerifyEachNodeIsAssignedToAnEp): " Node(s) placed on [CPUExecutionProvider].
 * Number of nodes: 1", then one "  Cast (/bag/Cast_mask)" per node; or " All nodes placed on [X]"
 * (no list: nothing ran elsewhere).
 */
export function nodePlacements(lines: readonly OrtLogLine[]): PlacedNode[] {
  const placed: PlacedNode[] = [];
  let provider: string | null = null;
  for (const line of lines) {
    if (!line.source.includes('VerifyEachNodeIsAssignedToAnEp')) continue;
    const message = line.message.trim();
    const header = PLACED_ON.exec(message);
    if (header) {
      provider = header[1]!;
      continue;
    }
    const node = NODE.exec(message);
    if (node && provider) placed.push({ provider, opType: node[1]!, name: node[2]! });
  }
  return placed;
}

/** The nodes onnxruntime kept on the CPU in a session meant for another provider. */
export const cpuNodes = (lines: readonly OrtLogLine[]): PlacedNode[] => nodePlacements(lines).filter((node) => node.provider === 'CPUExecutionProvider');
