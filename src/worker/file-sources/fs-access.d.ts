/**
 * The async iteration of a folder handle. TypeScript ships it in lib "DOM.AsyncIterable", which the
 * project's tsconfig does not include; declaring just `entries()` here keeps the adapter typed
 * without changing the shared compiler settings. (Interface methods merge as overloads, so this stays
 * valid if that lib is added later.)
 */
interface FileSystemDirectoryHandle {
  entries(): AsyncIterableIterator<[string, FileSystemHandle]>;
}

/** Permission of a handle kept across reloads (Chromium; not yet in TypeScript's DOM lib). */
interface FileSystemHandle {
  queryPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}
