import { createContext, useContext, type ReactNode } from 'react';
import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { TrainingController } from './training-controller';

/** The page's long-lived handles, created once in main.tsx: the pipeline worker's client and the training controller. */
export interface LabServices {
  readonly client: PipelineClient;
  readonly training: TrainingController;
}

const LabServicesContext = createContext<LabServices | null>(null);

export function LabServicesProvider({ services, children }: { services: LabServices; children: ReactNode }) {
  return <LabServicesContext.Provider value={services}>{children}</LabServicesContext.Provider>;
}

export function useLabServices(): LabServices {
  const services = useContext(LabServicesContext);
  if (!services) throw new Error('useLabServices outside <LabServicesProvider>');
  return services;
}
