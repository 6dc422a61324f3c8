/**
 * onnxruntime-web prints its C++ log through Emscripten's `printErr` — console.error, bound once when
 * its WebAssembly module loads — with ANSI colours: "…[W:onnxruntime:, session_state.cc:1397
 * VerifyEachNodeIsAssignedToAnEp] Some nodes were not assigned…". A page of those reads as errors. So
 * the worker installs this filter before onnxruntime loads: its lines below Error go to the one capture
 * open (a WebGPU session being created, whose node placements we read) or nowhere; errors pass through.
 */
export interface OrtLogLine {
  readonly severity: 'V' | 'I' | 'W' | 'E' | 'F';
  /** e.g. "session_state.cc:1383 VerifyEachNodeIsAssignedToAnEp" */
  readonly source: string;
  readonly message: string;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const LINE = /\[([VIWEF]):onnxruntime:[^,\]]*,\s*([^\]]*)\]\s?(.*)$/s;

/** One printed line of onnxruntime's log, or null for anything else. */
export function parseOrtLogLine(text: string): OrtLogLine | null {
  const match = LINE.exec(text.replace(ANSI, ''));
  if (!match) return null;
  return { severity: match[1] as OrtLogLine['severity'], source: match[2]!.trim(), message: match[3]!.replace(/\s+$/, '') };
}

let capture: OrtLogLine[] | null = null;
let installed = false;

/** Wraps console.error/warn/log once (before onnxruntime's module binds console.error). */
export function installOrtLogFilter(target: Pick<Console, 'error' | 'warn' | 'log'> = console): void {
  if (installed) return;
  installed = true;
  for (const method of ['error', 'warn', 'log'] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => {
      const line = args.length === 1 && typeof args[0] === 'string' ? parseOrtLogLine(args[0]) : null;
      if (!line) return original(...args);
      capture?.push(line);
      if (line.severity === 'E' || line.severity === 'F') original(...args);
    };
  }
}

/** onnxruntime's log lines printed while `work` runs (one capture at a time: sessions are created one after another). */
export async function captureOrtLog<T>(work: () => Promise<T>): Promise<{ readonly result: T; readonly lines: readonly OrtLogLine[] }> {
  const lines: OrtLogLine[] = [];
  const previous = capture;
  capture = lines;
  try {
    return { result: await work(), lines };
  } finally {
    capture = previous;
  }
}
