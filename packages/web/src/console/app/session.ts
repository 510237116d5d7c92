import { useSyncExternalStore } from 'react';
import { type Session, session } from '../../api.js';
import type { Signal } from '../../state.js';

/** A shared signal (state.ts) read from React: re-renders when it changes. */
export function useSignalValue<T>(source: Signal<T>): T {
  return useSyncExternalStore(
    (onChange) => source.subscribe(onChange),
    () => source.get(),
  );
}

/** The signed-in staff member, or undefined. */
export function useSession(): Session | undefined {
  return useSignalValue(session);
}

/** For pages behind the sign-in (the shell renders them only with a session). */
export function useSignedIn(): Session {
  const who = useSession();
  if (!who) throw new Error('useSignedIn outside the signed-in shell');
  return who;
}
