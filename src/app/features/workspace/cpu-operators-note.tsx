import { operatorSummary } from '../../lib/cpu-operators';
import { useRunStatus } from '../../state/run-status-store';

/**
 * Which operators onnxruntime ran on the CPU when the model was loaded on WebGPU (read from its own log
 * of node placements, which is kept off the console): said once here instead of as console errors.
 */
export function CpuOperatorsNote() {
  const operators = useRunStatus((state) => state.cpuOperators);
  if (!operators) return null;
  const all = [...operators.vision, ...operators.text];
  return (
    <div aria-label="Operators on the CPU" role="note">
      <p className="muted">
        {all.length === 0
          ? `onnxruntime ran every operator of ${operators.model} on WebGPU.`
          : `onnxruntime ran ${all.length} operator(s) of ${operators.model} on the CPU, not WebGPU (shape-like work it keeps there on purpose, or operators its WebGPU backend lacks): `}
        {all.length > 0 && `image encoder: ${operatorSummary(operators.vision)}; text encoder: ${operatorSummary(operators.text)}.`}
      </p>
      {all.length > 0 && (
        <details>
          <summary>Node names</summary>
          <ul>
            {all.map((node) => (
              <li key={`${node.opType}:${node.name}`}>
                {node.opType} <code>{node.name}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
