/**
 * Every request handler goes through here once: an exception becomes a log line and
 * a neutral answer, so no input can take the server down; cancellation is honoured.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export function runSafe<T>(log: (message: string) => void, what: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  try {
    return work();
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}
