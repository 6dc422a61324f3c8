import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/pipeline-protocol';
import { createPipelineClient, WORKER_CRASHED, type WorkerCrash } from './pipeline-client';

/** A stand-in for the browser's Worker (Node has none): records what it is sent and whether it was ended. */
class FakeWorker {
  static spawned: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly sent: ToWorker[] = [];
  terminated = false;
  constructor() {
    FakeWorker.spawned.push(this);
  }
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** What the browser does when the worker's script throws uncaught. */
  throwUncaught(message: string) {
    const event = { message, defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    this.onerror?.(event as unknown as ErrorEvent);
    return event;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.spawned = [];
});

describe('the pipeline client when its worker dies on its own', () => {
  it('ends it, starts a fresh one, fails the questions in flight, keeps the subscribers and says what it said', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createPipelineClient();
    const crashes: WorkerCrash[] = [];
    client.onCrash((crash) => crashes.push(crash));
    const heard: FromWorker[] = [];
    client.subscribe((message) => heard.push(message));
    const question = client.ask({ kind: 'reference-caches', dataset: { kind: 'http', url: '/demo/', label: 'demo' } });
    const [first] = FakeWorker.spawned;

    const event = first!.throwUncaught('Uncaught RuntimeError: Aborted(OOM)');
    expect(event.defaultPrevented).toBe(true); // handled: not the page's own uncaught error
    expect(first!.terminated).toBe(true);
    expect(FakeWorker.spawned).toHaveLength(2);
    await expect(question).rejects.toThrow(WORKER_CRASHED);
    expect(crashes).toEqual([{ message: 'Uncaught RuntimeError: Aborted(OOM)' }]);
    // No run 'error' message: what the run becomes is the crash listener's (app/state/worker-crash.ts).
    expect(heard.some((message) => message.type === 'error')).toBe(false);

    // The fresh worker gets what is sent next, and its messages reach the same subscribers.
    client.send({ type: 'pause' });
    expect(FakeWorker.spawned[1]!.sent).toEqual([{ type: 'pause' }]);
    FakeWorker.spawned[1]!.onmessage?.({ data: { type: 'paused' } } as MessageEvent<FromWorker>);
    expect(heard.at(-1)).toEqual({ type: 'paused' });
  });

  it('treats an unreadable message as a crash, an empty error as no message, and ignores a worker already replaced', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createPipelineClient();
    const crashes: WorkerCrash[] = [];
    client.onCrash((crash) => crashes.push(crash));
    FakeWorker.spawned[0]!.onmessageerror?.({} as MessageEvent);
    FakeWorker.spawned[1]!.throwUncaught('');
    // A late event from an ended worker restarts nothing.
    FakeWorker.spawned[0]!.throwUncaught('late');
    expect(crashes).toEqual([{ message: 'a message from the worker could not be read' }, { message: null }]);
    expect(FakeWorker.spawned).toHaveLength(3);
    expect(FakeWorker.spawned[2]!.terminated).toBe(false);
  });
});
