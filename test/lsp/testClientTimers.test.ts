/**
 * The test client's message reader (test/helpers/lspClient.ts): a server stopped in the
 * middle of a message must not leave a timer that keeps the test run alive.
 */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { timerlessReader } from '../helpers/lspClient';

/**
 * Whether a reader that got half a message and was disposed still holds its "partial
 * message" timer (vscode-jsonrpc's private field: counting the process's timers instead
 * would see other tests' timers come and go).
 */
async function keepsTimer(reader: StreamMessageReader, stream: PassThrough): Promise<boolean> {
  reader.listen(() => undefined);
  stream.write('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0",');
  await new Promise((resolve) => setImmediate(resolve));
  reader.dispose();
  stream.destroy();
  const internals = reader as unknown as { partialMessageTimer?: unknown; clearPartialMessageTimer(): void };
  const kept = internals.partialMessageTimer !== undefined;
  internals.clearPartialMessageTimer();
  return kept;
}

describe('test client: message reader', () => {
  it('keeps no timer when a server stops in the middle of a message', async () => {
    const stream = new PassThrough();
    assert.equal(await keepsTimer(timerlessReader(stream), stream), false);
  });

  it("(vscode-jsonrpc's default reader would keep one, which is why)", async () => {
    const stream = new PassThrough();
    assert.equal(await keepsTimer(new StreamMessageReader(stream), stream), true);
  });
});
