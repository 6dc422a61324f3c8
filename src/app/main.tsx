import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPipelineClient } from '../worker/clients/pipeline-client';
import { createTrainingClient } from '../worker/clients/training-client';
import { App } from './app';
import { installCacheFolderJournal, reopenCacheFolder } from './state/cache-folder-journal';
import { LabServicesProvider } from './state/lab-services';
import { useLabStore } from './state/lab-store';
import { resumeInterruptedRun } from './state/resume-run';
import { installRunJournal } from './state/run-journal';
import { installRunOwnership } from './state/run-ownership';
import { TrainingController } from './state/training-controller';
import { installRefinedRunRestore } from './state/refined-run-restore';
import { installUrlState } from './state/url-sync';
import { installWorkerCrashRecovery } from './state/worker-crash';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// One worker for the page's lifetime (created here, not in a component StrictMode would mount twice).
const client = createPipelineClient();
// The training worker trains heads beside the pipeline worker; its runs are stored in IndexedDB.
const training = new TrainingController(client, createTrainingClient());
void training.load();
// Every answer is a pure function of its key, computed locally: no network retries, no refetch on focus,
// and typed arrays are not compared for structural sharing.
const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, networkMode: 'always', structuralSharing: false } },
});
// The last selection and training form, before the first render (nothing the user clicks is overwritten by a late restore).
await useLabStore.persist.rehydrate();
installRunJournal();
installCacheFolderJournal();
// One writer per run across tabs: a run another tab computes is followed, and taken over when that tab closes.
installRunOwnership(() => resumeInterruptedRun(client));
// A worker that dies on its own is restarted by its client; a run it was computing becomes resumable.
installWorkerCrashRecovery(client);
// The workspace in the URL wins over the restored state, and follows every change after (url-sync.ts).
installUrlState();
// The refined labels the URL names (`trained`) are shown again once their run is open.
installRefinedRunRestore(training);
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <LabServicesProvider services={{ client, training }}>
        <App />
      </LabServicesProvider>
    </QueryClientProvider>
  </StrictMode>,
);
void resumeInterruptedRun(client);
void reopenCacheFolder(client);
