/** A piece of background work the server repeats on a timer (snapshots, heartbeat timeouts, ...). */
export interface Periodic<T> {
  /** One run now (a run in progress is joined, not overtaken); never throws: a failure is logged and gives `fallback`. */
  run(): Promise<T>;
  /** Stops the timer and waits for a run in progress; later runs give `fallback` at once. */
  stop(): Promise<void>;
}

export interface PeriodicOptions<T> {
  /** Milliseconds between runs; 0: no timer (run() still works). */
  intervalMs: number;
  /** What a failed (or stopped) run gives. */
  fallback: T;
  /** Names the work in the log line of a failure, e.g. "compliance snapshot". */
  name: string;
  error?: (line: string) => void;
}

/**
 * Runs `work` every `intervalMs` on a timer that does not keep the process alive, one run at a time.
 * A failure is logged by its message only (a database error's detail may quote row values) and the
 * next run tries again.
 */
export function startPeriodic<T>(work: () => Promise<T>, options: PeriodicOptions<T>): Periodic<T> {
  const error = options.error ?? ((line: string) => console.error(line));
  let running: Promise<T> | undefined;
  let stopped = false;

  const run = (): Promise<T> => {
    if (stopped) return Promise.resolve(options.fallback);
    running ??= (async () => {
      try {
        return await work();
      } catch (err) {
        error(`[wardwatch] ${options.name} failed: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
        return options.fallback;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const timer = options.intervalMs > 0 ? setInterval(() => void run(), options.intervalMs) : undefined;
  timer?.unref();

  return {
    run,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
