import { useTrainingElsewhere } from '../../state/training-ownership';

/** A run another tab trains: its figures follow that tab's; it cannot be resumed or deleted here. */
export function TrainingElsewhereNote({ runId }: { runId: string }) {
  const elsewhere = useTrainingElsewhere((state) => state.runIds.includes(runId));
  if (!elsewhere) return null;
  return (
    <p className="notice" role="status" aria-label="Training in another tab">
      Running in another tab: its figures follow that tab’s as they are stored. If that tab closes mid-run, the run is marked stopped here,
      ready to resume.
    </p>
  );
}
