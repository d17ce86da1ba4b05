/**
 * A mocha root hook: when the run is over but something a test started (a server process,
 * a socket, a timer) still keeps Node alive, mocha would wait for it without a word and
 * CI would hang. After a grace period this names what is still open and ends the process
 * with mocha's own result, so a leak shows up in the log instead of as a stalled run.
 */
const GRACE_MS = Number(process.env.ISMS_TEST_LINGER_MS) || 20_000;

interface Handle {
  spawnfile?: string;
  spawnargs?: string[];
  pid?: number;
}

function lingering(): string[] {
  // Resource types (Timeout, ProcessWrap, PipeWrap, TCPWrap …); the pipes of our own stdio are always there.
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  const lines = [...counts].map(([type, n]) => `${n} × ${type}`);
  // The command lines of child processes, the usual culprits.
  const handles = (process as unknown as { _getActiveHandles(): Handle[] })._getActiveHandles();
  for (const h of handles) if (h.spawnfile) lines.push(`child process ${h.pid ?? '?'}: ${(h.spawnargs ?? [h.spawnfile]).join(' ').slice(0, 200)}`);
  return lines;
}

export const mochaHooks = {
  afterAll(): void {
    setTimeout(() => {
      process.stderr.write(`\nThe tests are over but Node is kept alive ${GRACE_MS / 1000} s later by:\n${lingering().map((line) => `  - ${line}`).join('\n')}\nEnding the run (a test leaks this; find and close it).\n`);
      process.exit(process.exitCode ?? 0);
    }, GRACE_MS).unref();
  },
};
