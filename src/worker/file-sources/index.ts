// Browser FileSource adapters (DOM APIs; usable in a dedicated worker). Import from here.
export { createDirectoryHandleSource } from './directory-handle-source';
export { createFileListSource, createFileListSourceFromPaths } from './file-list-source';
export { createServedFileListSource } from './served-file-list-source';
export { FILE_INDEX, createHttpIndexSource } from './http-index-source';
export { detectLayout, type DetectedLayout } from '../../core/datasets/detect-layout';
export { subSource } from '../../core/datasets/sub-source';
