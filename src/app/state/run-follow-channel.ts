import type { FollowMessage } from './followed-run';

/**
 * The BroadcastChannel between the tabs of the lab about the runs they write: the writer posts its run
 * status on every change (and answers a follower's 'ask'), followers read it. Same-origin tabs only.
 */
const CHANNEL = 'cdul-run-follow';

export interface FollowChannel {
  post(message: FollowMessage): void;
  close(): void;
}

/** Opens the channel; `receive` gets the other tabs' messages (never this tab's own). */
export function openFollowChannel(receive: (message: FollowMessage) => void): FollowChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<FollowMessage>) => receive(event.data);
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
