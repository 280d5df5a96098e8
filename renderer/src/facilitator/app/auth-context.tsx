import { createContext, useContext } from 'react';
import type { Me } from '../facilitator-api.ts';

export interface Auth {
  me: Me;
  mode: 'desktop' | 'server';
  signOut: () => void;
}

export const AuthContext = createContext<Auth | null>(null);

/** Who is signed in; only used below `AuthGate`, which never renders its outlet without one. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth is used outside AuthGate');
  return auth;
}
