import { describe, expect, it } from 'vitest';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { loadNusWideDataset } from './load-nus-wide-dataset';

const files = (overrides: Record<string, string> = {}) => ({
  'Concepts81.txt': 'animal\r\nbeach\r\nsky\r\n',
  'ImageList/TrainImagelist.txt': 'actor\\0001_1.jpg\r\nactor\\0002_2.jpg\r\nbeach\\0003_3.jpg\r\n',
  'ImageList/TestImagelist.txt': 'beach\\0004_4.jpg\r\n',
  'Groundtruth/TrainTestLabels/Labels_animal_Train.txt': '1\n0\n0\n',
  'Groundtruth/TrainTestLabels/Labels_beach_Train.txt': '0\n0\n1\n',
  'Groundtruth/TrainTestLabels/Labels_sky_Train.txt': '1 \n0\n1\n',
  'Groundtruth/TrainTestLabels/Labels_animal_Test.txt': '0\n',
  'Groundtruth/TrainTestLabels/Labels_beach_Test.txt': '1\n',
  'Groundtruth/TrainTestLabels/Labels_sky_Test.txt': '0\n',
  'Flickr/actor/0001_1.jpg': 'x',
  'Flickr/actor/0002_2.jpg': 'x',
  'Flickr/beach/0003_3.jpg': 'x',
  'Flickr/beach/0004_4.jpg': 'x',
  ...overrides,
});

describe('NUS-WIDE as a multi-label dataset', () => {
  it('the concepts are the classes, the image list the images, each label file a column', async () => {
    const dataset = await loadNusWideDataset(memorySource(files(), 'nus'));
    expect(dataset.format).toBe('nus-wide');
    expect(dataset.split).toBe('train');
    expect(dataset.splits).toEqual(['train', 'test']);
    expect(dataset.classes.map((c) => c.token)).toEqual(['animal', 'beach', 'sky']);
    expect(dataset.ids).toEqual(['actor/0001_1', 'actor/0002_2', 'beach/0003_3']);
    expect(dataset.imagePaths).toEqual(['Flickr/actor/0001_1.jpg', 'Flickr/actor/0002_2.jpg', 'Flickr/beach/0003_3.jpg']);
    expect(Array.from(dataset.labels!.data)).toEqual([1, -1, 1, -1, -1, -1, -1, 1, 1]);
    expect(dataset.facts.unannotatedImages).toBe(1);
    const test = await loadNusWideDataset(memorySource(files(), 'nus'), { split: 'test' });
    expect(test.ids).toEqual(['beach/0004_4']);
    expect(Array.from(test.labels!.data)).toEqual([-1, 1, -1]);
  });

});

describe('NUS-WIDE bad input: the file named, the rest goes on', () => {
  it('a NUS list naming files that are not there: each skipped and named, the rest labelled', async () => {
    const { ['Flickr/actor/0002_2.jpg']: _gone, ...rest } = files();
    const dataset = await loadNusWideDataset(memorySource(rest, 'nus'));
    expect(dataset.ids).toEqual(['actor/0001_1', 'beach/0003_3']);
    expect(dataset.skipped).toEqual([{ id: 'actor/0002_2', reason: 'Flickr/actor/0002_2.jpg: image file not found (listed in ImageList/TrainImagelist.txt)' }]);
    expect(Array.from(dataset.labels!.data)).toEqual([1, -1, 1, -1, 1, 1]);
    expect(dataset.facts.missingImages).toBe(1);
    expect(dataset.warnings).toEqual(['1 of 3 listed images are not in Flickr/: skipped (NUS-WIDE copies often miss some)']);
  });

  it('none of the listed files there (Flickr/ not unpacked): a DataError naming the image folder and the list', async () => {
    const labelsOnly = Object.fromEntries(Object.entries(files()).filter(([path]) => !path.startsWith('Flickr/')));
    await expect(loadNusWideDataset(memorySource(labelsOnly, 'nus'))).rejects.toThrow('nus/Flickr: none of the 3 images listed in ImageList/TrainImagelist.txt is here');
  });

  it('a label file of the wrong length or with a value not 0/1, or a concept listed twice: a DataError naming the file', async () => {
    await expect(loadNusWideDataset(memorySource(files({ 'Groundtruth/TrainTestLabels/Labels_sky_Train.txt': '1\n0\n' }), 'nus'))).rejects.toThrow(
      'nus/Groundtruth/TrainTestLabels/Labels_sky_Train.txt: 2 labels for 3 listed images',
    );
    await expect(loadNusWideDataset(memorySource(files({ 'Groundtruth/TrainTestLabels/Labels_sky_Train.txt': '1\n2\n0\n' }), 'nus'))).rejects.toThrow(
      "nus/Groundtruth/TrainTestLabels/Labels_sky_Train.txt: line 2: '2' is not 0 or 1",
    );
    await expect(loadNusWideDataset(memorySource(files({ 'Concepts81.txt': 'sky\nsky\n' }), 'nus'))).rejects.toThrow("nus/Concepts81.txt: concept 'sky' is listed twice");
  });
});
