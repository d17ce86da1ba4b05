/**
 * Entry point of dist/cli.js (`isms`, package.json `bin`). Sets the exit code rather
 * than calling process.exit, so that piped output is flushed before the process ends.
 */
import { processIo } from './io';
import { runCli } from './runCli';

// `isms check | head` closes the pipe early: stop quietly instead of throwing EPIPE.
// Any other write failure is reported once, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && stream === process.stdout) {
      process.stderr.write(`isms: cannot write the output (${error.code ?? error.message})\n`);
    }
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}

process.exitCode = runCli(process.argv.slice(2), processIo());
