/**
 * One GraphQL read that follows its inputs: it reloads when `key` (what is asked for) or `revision`
 * (the data changed on the server) changes. While a new revision of the same key loads, the last
 * answer stays available, so figures update in place instead of blinking.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCode, isAbortError } from './api/graphql';

export interface Remote<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** the latest answer for this key (also while a newer revision loads) */
  data: T | null;
  /** the error code when status is 'error' */
  code: string | null;
  retry: () => void;
}

interface State<T> {
  key: string | null;
  status: Remote<T>['status'];
  data: T | null;
  code: string | null;
}

/** `key` null: nothing to load (status 'idle'). */
export function useRemote<T>(key: string | null, revision: number, load: (options: { signal: AbortSignal }) => Promise<T>): Remote<T> {
  const [state, setState] = useState<State<T>>({ key: null, status: 'idle', data: null, code: null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key == null) {
      setState({ key: null, status: 'idle', data: null, code: null });
      return undefined;
    }
    const controller = new AbortController();
    setState((prev) => ({ key, status: 'loading', data: prev.key === key ? prev.data : null, code: null }));
    loadRef.current({ signal: controller.signal }).then(
      (data) => setState({ key, status: 'ready', data, code: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState((prev) => ({ key, status: 'error', data: prev.key === key ? prev.data : null, code: errorCode(error) }));
      },
    );
    return () => controller.abort();
  }, [key, revision, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (state.key !== key) return { status: key == null ? 'idle' : 'loading', data: null, code: null, retry };
  return { status: state.status, data: state.data, code: state.code, retry };
}
