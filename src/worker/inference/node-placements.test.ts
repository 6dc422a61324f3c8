import { describe, expect, it, vi } from 'vitest';
import { cpuNodes, nodePlacements } from './node-placements';
import { captureOrtLog, installOrtLogFilter, parseOrtLogLine, type OrtLogLine } from './ort-log';

// What onnxruntime-web 1.30 printed (console.error) creating demo-clip's text encoder on WebGPU at Verbose level.
const ESC = String.fromCharCode(27);
const PRINTED = [
  '2026-12-02 16:16:57.198458 [V:onnxruntime:, session_state.cc:1377 VerifyEachNodeIsAssignedToAnEp] Node placements',
  '2026-12-02 16:16:57.199074 [V:onnxruntime:, session_state.cc:1383 VerifyEachNodeIsAssignedToAnEp]  Node(s) placed on [CPUExecutionProvider]. Number of nodes: 1',
  '2026-12-02 16:16:57.199564 [V:onnxruntime:, session_state.cc:1385 VerifyEachNodeIsAssignedToAnEp]   Cast (/bag/Cast_mask)',
  '2026-12-02 16:16:57.200033 [V:onnxruntime:, session_state.cc:1383 VerifyEachNodeIsAssignedToAnEp]  Node(s) placed on [WebGpuExecutionProvider]. Number of nodes: 5',
  '2026-12-02 16:16:57.200339 [V:onnxruntime:, session_state.cc:1385 VerifyEachNodeIsAssignedToAnEp]   Gather (/bag/Gather)',
  '2026-12-02 16:16:57.200513 [V:onnxruntime:, session_state.cc:1385 VerifyEachNodeIsAssignedToAnEp]   Unsqueeze (/bag/Unsqueeze_mask)',
  '2026-12-02 16:16:57.200904 [V:onnxruntime:, session_state.cc:1385 VerifyEachNodeIsAssignedToAnEp]   MemcpyFromHost (Memcpy)',
  `${ESC}[0;93m2026-12-02 16:16:57.201014 [W:onnxruntime:, session_state.cc:1397 VerifyEachNodeIsAssignedToAnEp] Some nodes were not assigned to the preferred execution providers which may or may not have an negative impact on performance. e.g. ORT explicitly assigns shape related ops to CPU to improve perf.${ESC}[m`,
  '2026-12-02 16:16:57.252359 [I:onnxruntime:, allocation_planner.cc:2653 CreateGraphPartitioner] Use DeviceBasedPartition as default',
];
const lines = PRINTED.map((text) => parseOrtLogLine(text)!);

describe('onnxruntime log lines', () => {
  it('parses severity, source and message, colours stripped; other text is not a log line', () => {
    expect(lines.every(Boolean)).toBe(true);
    expect(lines[7]).toEqual({
      severity: 'W',
      source: 'session_state.cc:1397 VerifyEachNodeIsAssignedToAnEp',
      message: expect.stringMatching(/^Some nodes were not assigned .* to improve perf\.$/),
    });
    expect(parseOrtLogLine('[vite] connected.')).toBeNull();
  });

  it('reads the node placements and the nodes kept on the CPU', () => {
    expect(nodePlacements(lines).map((node) => `${node.provider}:${node.opType}`)).toEqual([
      'CPUExecutionProvider:Cast',
      'WebGpuExecutionProvider:Gather',
      'WebGpuExecutionProvider:Unsqueeze',
      'WebGpuExecutionProvider:MemcpyFromHost',
    ]);
    expect(cpuNodes(lines)).toEqual([{ provider: 'CPUExecutionProvider', opType: 'Cast', name: '/bag/Cast_mask' }]);
  });

  it('"All nodes placed on" lists none on the CPU', () => {
    const all: OrtLogLine = { severity: 'V', source: 'session_state.cc:1380 VerifyEachNodeIsAssignedToAnEp', message: ' All nodes placed on [WebGpuExecutionProvider]. Number of nodes: 7' };
    expect(cpuNodes([all])).toEqual([]);
  });

  it('the console filter captures onnxruntime lines below Error, passes errors and everything else through', async () => {
    const original = { error: vi.fn(), warn: vi.fn(), log: vi.fn() };
    const sink = { ...original };
    installOrtLogFilter(sink);
    const failure = '2026-12-02 [E:onnxruntime:, inference_session.cc:1 Run] a real failure';
    const { lines: captured } = await captureOrtLog(async () => {
      for (const text of PRINTED) sink.error(text);
      sink.error(failure);
      sink.log('something else', 42);
    });
    expect(captured).toHaveLength(PRINTED.length + 1);
    expect(original.error.mock.calls).toEqual([[failure]]);
    expect(original.log.mock.calls).toEqual([['something else', 42]]);
    sink.warn(PRINTED[7]!); // outside a capture: dropped
    expect(original.warn).not.toHaveBeenCalled();
  });
});
