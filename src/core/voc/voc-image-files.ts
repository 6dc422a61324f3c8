import { joinPath, type FileSource } from '../dataset-source';

export const IMAGES_DIR = 'JPEGImages';
const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.JPG', '.JPEG', '.PNG'];

/**
 * Image id → path, from one listing of JPEGImages/ (not one existence check per image: 11,540 of
 * them cost seconds on a browser folder handle). VOC names every file <id>.jpg; a .jpeg or .png
 * with the same stem is accepted too (the decoder goes by content, not by name).
 */
export async function indexImageFiles(source: FileSource): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for (const name of await source.listFiles(IMAGES_DIR)) {
    const extension = IMAGE_EXTENSIONS.find((ext) => name.endsWith(ext));
    if (!extension) continue;
    const stem = name.slice(0, -extension.length);
    // Prefer the VOC name when both <id>.jpg and another extension exist.
    if (!index.has(stem) || extension === '.jpg') index.set(stem, joinPath(IMAGES_DIR, name));
  }
  return index;
}
