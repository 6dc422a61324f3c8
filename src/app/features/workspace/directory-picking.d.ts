/**
 * File System Access API parts the lab uses that TypeScript's DOM lib lacks (Chromium ships them):
 * the folder picker and drag-and-drop of a folder as a handle.
 */
interface Window {
  showDirectoryPicker?: (options?: { mode?: 'read' | 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;
}

interface DataTransferItem {
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}
