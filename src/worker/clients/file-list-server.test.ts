import { describe, expect, it } from 'vitest';
import { DataError } from '../../core/data-error';
import { createFileListSourceFromPaths } from '../file-sources/file-list-source';
import { createServedFileListSource, requestListedFiles } from '../file-sources/served-file-list-source';
import type { FileListRef } from '../protocol/file-list-protocol';
import { serveFileList } from './file-list-server';

/** Files as an `<input webkitdirectory>` gives them (Node's File has no webkitRelativePath: set it). */
function chosenFolder(entries: Record<string, string>): File[] {
  return Object.entries(entries).map(([path, text]) => {
    const file = new File([text], path.split('/').at(-1)!);
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    return file;
  });
}

const FOLDER = {
  'VOC2012/ImageSets/Main/train.txt': 'a\nb\n',
  'VOC2012/Annotations/a.xml': '\uFEFF<annotation>a</annotation>',
  'VOC2012/Annotations/b.xml': '<annotation>b — é</annotation>',
  'VOC2012/clip_cache/model_X/global/a.pt': 'PK\u0003\u0004bytes',
};

describe('a chosen folder served to workers by the page', () => {
  const files = chosenFolder(FOLDER);
  const ref = serveFileList(files);
  const served = createServedFileListSource(ref);
  const direct = createFileListSourceFromPaths(files, Object.keys(FOLDER));

  it('lists and reads exactly as the File objects themselves do', async () => {
    expect(served.label).toBe('VOC2012');
    for (const dir of ['', 'Annotations', 'clip_cache/model_X', 'clip_cache/model_X/global', 'nothing']) {
      expect(await served.listFiles(dir)).toEqual(await direct.listFiles(dir));
      expect(await served.listDirs(dir)).toEqual(await direct.listDirs(dir));
    }
    const paths = ['ImageSets/Main/train.txt', 'Annotations/a.xml', 'Annotations/b.xml', 'clip_cache/model_X/global/a.pt'];
    for (const path of paths) {
      expect(await served.readBytes(path)).toEqual(await direct.readBytes(path));
      expect(await served.readText(path)).toEqual(await direct.readText(path));
    }
    expect(await served.readText('Annotations/a.xml')).toBe('<annotation>a</annotation>');
  });

  it('asks once for the reads of one task, and names a missing file or folder like the direct source', async () => {
    const asked: number[][] = [];
    const counting = createServedFileListSource(ref, (list, indices) => {
      asked.push([...indices]);
      return requestListedFiles(list, indices);
    });
    await Promise.all(['Annotations/a.xml', 'Annotations/b.xml', 'ImageSets/Main/train.txt'].map((path) => counting.readBytes(path)));
    expect(asked).toEqual([[1, 2, 0]]);
    await expect(counting.readBytes('Annotations/c.xml')).rejects.toThrow('VOC2012/Annotations/c.xml: file not found');
    await expect(counting.readBytes('Annotations')).rejects.toThrow('VOC2012/Annotations: is a folder, not a file');
    expect(asked).toHaveLength(1);
  });

  it('gives a DataError naming the file when the page cannot read it, or no page holds the folder any more', async () => {
    const broken = chosenFolder({ 'F/ok.txt': 'ok', 'F/gone.txt': 'x' });
    broken[1]!.arrayBuffer = () => Promise.reject(new DOMException('the file changed', 'NotReadableError'));
    const source = createServedFileListSource(serveFileList(broken));
    expect(await source.readText('ok.txt')).toBe('ok');
    const failure = await source.readBytes('gone.txt').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect(String(failure)).toMatch(/F\/gone\.txt: cannot read \(NotReadableError: the file changed\)/);

    const orphan: FileListRef = { id: 'a list no page holds', paths: ['G/x.txt'] };
    const lost = createServedFileListSource(orphan, (list, indices) => requestListedFiles(list, indices, 50));
    await expect(lost.readBytes('x.txt')).rejects.toThrow(/G\/x\.txt: cannot read \(the chosen folder is no longer available/);
  });

  it('keeps the last four folders chosen, and answers for an older one at once', async () => {
    const first = createServedFileListSource(serveFileList(chosenFolder({ 'A/x.txt': 'x' })));
    for (let k = 0; k < 4; k++) serveFileList(chosenFolder({ 'B/y.txt': 'y' }));
    await expect(first.readBytes('x.txt')).rejects.toThrow(/A\/x\.txt: cannot read \(the folder was let go after 4 newer ones were chosen/);
  });
});
