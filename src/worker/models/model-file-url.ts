import { HUB_BASE_URL, HUB_URL_TEMPLATE, type ModelCatalogEntry } from '../../core/clip/model-catalog';

/**
 * The URL of one file. An explicit baseUrl always means a server in the hub layout (the hub itself, a
 * mirror, or the tests' local server); without one, the app's own models come from the app's origin
 * and the others from huggingface.co.
 */
export function modelFileUrl(entry: ModelCatalogEntry, path: string, baseUrl?: string): string {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  if (baseUrl === undefined && entry.appPath !== null) return new URL(entry.appPath + encodedPath, appOrigin()).href;
  return HUB_URL_TEMPLATE.replace('{base}', (baseUrl ?? HUB_BASE_URL).replace(/\/+$/, ''))
    .replace('{repo}', entry.repo)
    .replace('{path}', encodedPath);
}

/** The page's or worker's own origin (both have `location`); Node has none, so ask for a base there. */
function appOrigin(): string {
  const location = (globalThis as { location?: { origin: string } }).location;
  if (!location) throw new Error('the app serves its own models only in a browser; pass a baseUrl elsewhere');
  return location.origin;
}
