import { useEffect, useState } from 'react';
import type { PipelineClient } from '../../worker/clients/pipeline-client';
import { useLabServices } from '../state/lab-services';
import { useFinishedRun } from '../state/use-lab-query';

/**
 * Object URLs of the run's image files, asked from the worker ('image-file') only by the tiles that
 * are on screen: at most `IN_FLIGHT` requests at a time, a request whose tile scrolled away before it
 * started is dropped, and the last `KEPT` URLs are kept (least recently used first out, revoked).
 */
const KEPT = 240;
const IN_FLIGHT = 4;

type Listener = (outcome: { url: string } | { error: string }) => void;

interface Pending {
  readonly key: string;
  readonly client: PipelineClient;
  readonly index: number;
  readonly listeners: Set<Listener>;
  started: boolean;
}

const urls = new Map<string, string>();
const pending = new Map<string, Pending>();
const queue: Pending[] = [];
let active = 0;

function remember(key: string, url: string): void {
  urls.set(key, url);
  while (urls.size > KEPT) {
    const [oldest, oldUrl] = urls.entries().next().value as [string, string];
    urls.delete(oldest);
    URL.revokeObjectURL(oldUrl);
  }
}

function pump(): void {
  while (active < IN_FLIGHT && queue.length > 0) {
    const job = queue.shift()!;
    job.started = true;
    active++;
    job.client
      .ask({ kind: 'image-file', index: job.index })
      .then((file) => {
        const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }));
        remember(job.key, url);
        job.listeners.forEach((listener) => listener({ url }));
      })
      .catch((error: unknown) => job.listeners.forEach((listener) => listener({ error: error instanceof Error ? error.message : String(error) })))
      .finally(() => {
        pending.delete(job.key);
        active--;
        pump();
      });
  }
}

/** Asks for image `index`'s URL; the returned function withdraws the request (and drops it if not started). */
export function requestImageUrl(client: PipelineClient, runKey: string, index: number, listener: Listener): () => void {
  const key = `${runKey}#${index}`;
  const cached = urls.get(key);
  if (cached !== undefined) {
    urls.delete(key); // most recently used: to the end
    urls.set(key, cached);
    listener({ url: cached });
    return () => {};
  }
  let job = pending.get(key);
  if (!job) {
    job = { key, client, index, listeners: new Set(), started: false };
    pending.set(key, job);
    queue.push(job);
  }
  job.listeners.add(listener);
  pump();
  const owner = job;
  return () => {
    owner.listeners.delete(listener);
    if (owner.listeners.size === 0 && !owner.started) {
      pending.delete(owner.key);
      queue.splice(queue.indexOf(owner), 1);
    }
  };
}

export type ImageUrlState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly url: string } | { readonly status: 'error'; readonly message: string };

/** The URL of image `index` of the finished run (null asks nothing). */
export function useImageUrl(index: number | null): ImageUrlState {
  const { client } = useLabServices();
  const { runKey } = useFinishedRun();
  const [state, setState] = useState<ImageUrlState>({ status: 'loading' });
  useEffect(() => {
    if (index === null || runKey === null) return;
    setState({ status: 'loading' });
    return requestImageUrl(client, runKey, index, (outcome) =>
      setState('url' in outcome ? { status: 'ready', url: outcome.url } : { status: 'error', message: outcome.error }),
    );
  }, [client, runKey, index]);
  return state;
}
