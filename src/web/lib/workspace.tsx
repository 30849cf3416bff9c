/**
 * The workspace: which mission and plan the person is working on. The app layout provides it;
 * the last choice is remembered in localStorage so the app reopens where they left off.
 */
import { createContext, useContext } from 'react';

const STORAGE_KEY = 'softpower.workspace';

export interface TWorkspace {
  missionId: string | null;
  planId: string | null;
  selectMission: (missionId: string) => void;
  selectPlan: (planId: string) => void;
}

export const WorkspaceContext = createContext<TWorkspace | null>(null);

/** @throws Error when used outside the signed-in layout. */
export function useWorkspace(): TWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace must be used inside the app layout');
  return workspace;
}

export interface TStoredWorkspace {
  missionId: string | null;
  planId: string | null;
}

export function readStoredWorkspace(): TStoredWorkspace {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<TStoredWorkspace>;
    return {
      missionId: typeof value.missionId === 'string' ? value.missionId : null,
      planId: typeof value.planId === 'string' ? value.planId : null,
    };
  } catch {
    return { missionId: null, planId: null };
  }
}

export function storeWorkspace(workspace: TStoredWorkspace): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(workspace));
}
