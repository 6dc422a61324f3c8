/** The page's view of the downloaded models the browser keeps (Cache Storage, shared with the worker). */
export { clearModelCache, modelCacheUsage, type ModelCacheUsage } from '../models/model-cache';
