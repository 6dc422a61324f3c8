import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createPipelineClient } from './state/pipeline-client';
import { resumeInterruptedRun } from './state/resume-run';
import { restoreSession } from './state/session-sync';
import { installUrlState } from './state/url-state';
import { createTrainingClient } from './state/training-client';
import { TrainingController } from './state/training-controller';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// One worker for the page's lifetime (created here, not in a component StrictMode would mount twice).
const client = createPipelineClient();
// The training worker trains heads beside the pipeline worker; its runs are stored in IndexedDB.
const training = new TrainingController(client, createTrainingClient());
void training.load();
// The views' questions to the worker (lab-client.ts): answers are pure functions of run + query.
const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
await restoreSession();
// The workspace in the URL wins over the restored session, and follows every change after (url-state.ts).
installUrlState();
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <App client={client} training={training} />
    </QueryClientProvider>
  </StrictMode>,
);
void resumeInterruptedRun(client);
