/**
 * The session as the UI sees it: checking (asking `me` once at start), signed out (the login
 * screen, with why: logged out, or the session ended), or signed in as a user.
 *
 * Any answer that says UNAUTHENTICATED while signed in (the session expired, was ended elsewhere, the
 * user was disabled) signs the UI out: the map unmounts and drops everything it loaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMe, login as loginRequest, logout as logoutRequest } from '../api/auth';
import { errorCode, isAbortError, onUnauthenticated, startSessionEpoch } from '../api/graphql';
import type { CurrentUser } from '../types';

export type SignedOutReason = 'loggedOut' | 'expired' | null;

export type Session =
  | { status: 'checking' }
  /** `error`: the code of a failed session check (the server could not be asked) */
  | { status: 'signedOut'; reason: SignedOutReason; error: string | null }
  /** `serial` changes at every login, so that everything of the previous session starts afresh */
  | { status: 'signedIn'; user: CurrentUser; serial: number };

export interface SessionControl {
  session: Session;
  /** Logs in; rejects with the server's error (UNAUTHENTICATED, TOO_MANY_REQUESTS, ...). */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** a logout is on its way */
  loggingOut: boolean;
  /** the code of the last failed logout, while the session is still open */
  logoutError: string | null;
}

export function useSession(): SessionControl {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const serial = useRef(0);

  const signIn = useCallback((user: CurrentUser) => {
    serial.current += 1;
    setSession({ status: 'signedIn', user, serial: serial.current });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe({ signal: controller.signal }).then(
      (user) => (user ? signIn(user) : setSession({ status: 'signedOut', reason: null, error: null })),
      (error: unknown) => {
        if (!isAbortError(error)) setSession({ status: 'signedOut', reason: null, error: errorCode(error) });
      },
    );
    return () => controller.abort();
  }, [signIn]);

  // An ended session anywhere sends the user back to the login screen.
  useEffect(
    () =>
      onUnauthenticated(() => {
        startSessionEpoch();
        setSession((s) => (s.status === 'signedIn' ? { status: 'signedOut', reason: 'expired', error: null } : s));
      }),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await loginRequest(username, password);
      startSessionEpoch();
      setLogoutError(null);
      // `me` is the one full account of the user (the login answer may lack their ward's name).
      const me = await fetchMe().catch(() => null);
      signIn(me ?? result.user);
    },
    [signIn],
  );

  const logout = useCallback(async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await logoutRequest();
    } catch (error) {
      if (errorCode(error) !== 'UNAUTHENTICATED') {
        // The server may have ended the session anyway (and cleared the cookie): ask it.
        const still = await fetchMe().catch(() => undefined);
        if (still !== null) {
          setLogoutError(errorCode(error));
          setLoggingOut(false);
          return;
        }
      }
    }
    startSessionEpoch();
    setLoggingOut(false);
    setSession({ status: 'signedOut', reason: 'loggedOut', error: null });
  }, []);

  return { session, login, logout, loggingOut, logoutError };
}
