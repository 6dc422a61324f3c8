import { DataError } from '../../core/data-error';
import type { FileSource, FileStamp } from '../../core/dataset-source';
import { FILE_LIST_REQUESTS, type FileListAnswer, type FileListRef, type FileListRequest } from '../protocol/file-list-protocol';
import { indexListedPaths, listedFileSource } from './file-list-source';

/** Asks the page for the contents of the files at these indices of a list, in that order. */
export type FetchListedFiles = (ref: FileListRef, indices: readonly number[]) => Promise<readonly (ArrayBuffer | string)[]>;

/**
 * A chosen folder's FileSource in a worker (see file-list-protocol.ts): listing needs only the paths;
 * reading asks the page that holds the Files for the bytes. The reads asked for in one task go in one
 * request: the loaders keep 32–96 reads in flight, and an answer wakes them all in the same task, so
 * their next reads leave together again (one file per round trip took twice as long).
 */
export function createServedFileListSource(ref: FileListRef, fetchFiles: FetchListedFiles = requestListedFiles): FileSource {
  const { label, index } = indexListedPaths(ref.paths, ref.paths.map((_, i) => i));
  let batch: { indices: number[]; answer: Promise<readonly (ArrayBuffer | string)[]> } | null = null;
  const contentsOf = async (fileIndex: number): Promise<ArrayBuffer | string> => {
    if (!batch) {
      const indices: number[] = [];
      // Sent once this task's reads are all asked for.
      const answer = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
        batch = null;
        return fetchFiles(ref, indices);
      });
      batch = { indices, answer };
    }
    const at = batch.indices.push(fileIndex) - 1;
    return (await batch.answer)[at] ?? 'the page sent fewer files than asked for';
  };
  return listedFileSource(label, index, async (fileIndex, shown) => {
    let contents: ArrayBuffer | string;
    try {
      contents = await contentsOf(fileIndex);
    } catch (error) {
      contents = error instanceof Error ? error.message : String(error);
    }
    if (typeof contents === 'string') throw new DataError(shown, `cannot read (${contents})`);
    return contents;
  }, stampFromList(ref));
}

/** A listed file's size and time from the list itself (the page sent them with the paths). */
function stampFromList({ sizes, lastModified }: FileListRef): ((fileIndex: number) => FileStamp | null) | undefined {
  if (!sizes || !lastModified) return undefined;
  return (fileIndex) => {
    const size = sizes[fileIndex];
    const time = lastModified[fileIndex];
    return size === undefined || time === undefined ? null : { size, lastModified: time };
  };
}

/** No answer for this long: the page that chose the folder is gone (closed or reloaded). */
const ANSWER_TIMEOUT_MS = 60_000;

interface Channels {
  readonly requests: BroadcastChannel;
  readonly replies: BroadcastChannel;
  readonly pending: Map<number, (answer: FileListAnswer) => void>;
}
let channels: Channels | null = null;
let nextRequest = 1;

/** Over BroadcastChannels: requests to every page of the lab, answers on this thread's own channel. */
export function requestListedFiles(ref: FileListRef, indices: readonly number[], timeoutMs = ANSWER_TIMEOUT_MS): Promise<readonly (ArrayBuffer | string)[]> {
  const { requests, replies, pending } = (channels ??= openChannels());
  const requestId = nextRequest++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(requestId);
      reject(new Error('the chosen folder is no longer available (the page that chose it was closed or reloaded): choose it again'));
    }, timeoutMs);
    pending.set(requestId, (answer) => {
      clearTimeout(timer);
      pending.delete(requestId);
      resolve(answer.contents);
    });
    requests.postMessage({ listId: ref.id, requestId, replyTo: replies.name, indices } satisfies FileListRequest);
  });
}

function openChannels(): Channels {
  const replies = new BroadcastChannel(`${FILE_LIST_REQUESTS}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const pending = new Map<number, (answer: FileListAnswer) => void>();
  replies.onmessage = (event: MessageEvent<FileListAnswer>) => pending.get(event.data.requestId)?.(event.data);
  return { requests: new BroadcastChannel(FILE_LIST_REQUESTS), replies, pending };
}
