import type { JoinResponse } from '../../../core/client/messages.ts';

const KEY = 'cohear.participant';

/** This device's place in a session, kept so a reload or a lost signal does not lose it. */
export function loadJoined(): JoinResponse | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as JoinResponse) : null;
  } catch {
    return null;
  }
}

export function saveJoined(j: JoinResponse): void {
  localStorage.setItem(KEY, JSON.stringify(j));
}

export function forgetJoined(): void {
  localStorage.removeItem(KEY);
}

export function loadFlag(name: string): boolean {
  return localStorage.getItem(`${KEY}.${name}`) === '1';
}

export function saveFlag(name: string): void {
  localStorage.setItem(`${KEY}.${name}`, '1');
}
