import { mapLimited } from '../../core/map-limited';
import { FILE_LIST_REQUESTS, type FileListAnswer, type FileListRef, type FileListRequest } from '../protocol/file-list-protocol';

/**
 * The page's last chosen folders: a finished run keeps reading its folder's images (the gallery) after
 * another folder is chosen. File objects are handles, not contents, but 74,000 of them are tens of MB.
 */
const lists = new Map<string, readonly File[]>();
const KEEP_LISTS = 4;
/** Lists given up for newer ones: a request for one is answered at once, not left to time out. */
const dropped = new Set<string>();
let requests: BroadcastChannel | null = null;
/** One per asking thread; the oldest are closed (every run starts new prepare workers). */
const replyChannels = new Map<string, BroadcastChannel>();
const KEEP_REPLY_CHANNELS = 16;
/** Reads in flight per request: Chromium reads files on its own threads, the page only waits. */
const READS_IN_FLIGHT = 32;

/**
 * Registers a chosen folder's files and returns what the workers get instead of them: the paths, and
 * the list's id to ask for contents by (see file-list-protocol.ts). This page answers for as long as
 * it is open.
 */
export function serveFileList(files: readonly File[]): FileListRef {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  if (lists.size >= KEEP_LISTS) {
    const oldest = lists.keys().next().value!;
    lists.delete(oldest);
    dropped.add(oldest);
  }
  lists.set(id, files);
  listen();
  return {
    id,
    paths: files.map((file) => file.webkitRelativePath || file.name),
    sizes: files.map((file) => file.size),
    lastModified: files.map((file) => file.lastModified),
  };
}

function listen(): void {
  if (requests) return;
  requests = new BroadcastChannel(FILE_LIST_REQUESTS);
  requests.onmessage = (event: MessageEvent<FileListRequest>) => {
    const { listId, requestId, replyTo, indices } = event.data;
    const files = lists.get(listId);
    const reply = (contents: readonly (ArrayBuffer | string)[]) => replyChannel(replyTo).postMessage({ requestId, contents } satisfies FileListAnswer);
    if (files) void mapLimited(indices, READS_IN_FLIGHT, (index) => readContents(files[index])).then(reply);
    else if (dropped.has(listId)) reply(indices.map(() => `the folder was let go after ${KEEP_LISTS} newer ones were chosen: choose it again`));
    // Else another page's list (another tab): that page answers.
  };
}

async function readContents(file: File | undefined): Promise<ArrayBuffer | string> {
  if (!file) return 'no such file in the chosen folder';
  try {
    return await file.arrayBuffer();
  } catch (error) {
    // A picked file can change on disk or lose its permission (Chromium: NotReadableError).
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

function replyChannel(name: string): BroadcastChannel {
  let channel = replyChannels.get(name);
  if (!channel) {
    if (replyChannels.size >= KEEP_REPLY_CHANNELS) {
      const [oldest, old] = replyChannels.entries().next().value!;
      old.close();
      replyChannels.delete(oldest);
    }
    replyChannels.set(name, (channel = new BroadcastChannel(name)));
  }
  return channel;
}
