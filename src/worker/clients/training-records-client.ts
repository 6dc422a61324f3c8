/**
 * The stored training runs as the page reads them (the training worker writes them after every epoch):
 * records, checkpoints and each run's Y0, in IndexedDB.
 */
export { openTrainingRecords, trimToCheckpoint, type TrainingRecords } from '../training/training-records';
