import { join } from 'node:path';
import { writeCocoCopy, writeFolderCopy, writeNusWideCopy } from './voc-layouts';
import { writeVoc2007Copy } from './voc2007-copy';

/**
 * `npx tsx scripts/dataset-fixtures/main.ts OUT_DIR`: voc-mini in every layout the lab reads, for
 * trying `cdul dataset` and the lab on them: OUT_DIR/coco (COCO 2017 val), OUT_DIR/nus-wide,
 * OUT_DIR/folder (photos + classes.txt) and OUT_DIR/voc2007 (VOCdevkit/VOC2007).
 */
const VOC_MINI = 'e2e/fixtures/voc-mini';

async function main(out: string | undefined): Promise<number> {
  if (!out) {
    process.stderr.write('usage: npx tsx scripts/dataset-fixtures/main.ts OUT_DIR\n');
    return 2;
  }
  await writeCocoCopy(VOC_MINI, join(out, 'coco'));
  await writeNusWideCopy(VOC_MINI, join(out, 'nus-wide'));
  await writeFolderCopy(VOC_MINI, join(out, 'folder'));
  writeVoc2007Copy(VOC_MINI, join(out, 'voc2007'));
  process.stdout.write(`${['coco', 'nus-wide', 'folder', 'voc2007/VOCdevkit/VOC2007'].map((name) => join(out, name)).join('\n')}\n`);
  return 0;
}

main(process.argv[2]).then((code) => (process.exitCode = code));
