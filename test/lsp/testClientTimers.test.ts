/**
 * The test client's message reader (test/helpers/lspClient.ts): a server stopped in the
 * middle of a message must not leave a timer that keeps the test run alive.
 */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { timerlessReader } from '../helpers/lspClient';

const timers = () => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;

/** Timers left after a reader got half a message and was disposed. */
async function timersLeftBy(makeReader: (stream: PassThrough) => StreamMessageReader): Promise<number> {
  // After a turn of the event loop: mocha arms the test's own timeout once the test has started.
  await new Promise((resolve) => setImmediate(resolve));
  const stream = new PassThrough();
  const reader = makeReader(stream);
  const before = timers();
  reader.listen(() => undefined);
  stream.write('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0",');
  await new Promise((resolve) => setImmediate(resolve));
  reader.dispose();
  stream.destroy();
  const left = timers() - before;
  // vscode-jsonrpc's own reader: its timer (10 s, re-armed) is cleared here by hand.
  (reader as unknown as { clearPartialMessageTimer(): void }).clearPartialMessageTimer();
  return left;
}

describe('test client: message reader', () => {
  it('keeps no timer when a server stops in the middle of a message', async () => {
    assert.equal(await timersLeftBy((stream) => timerlessReader(stream)), 0);
  });

  it("(vscode-jsonrpc's default reader would keep one, which is why)", async () => {
    assert.equal(await timersLeftBy((stream) => new StreamMessageReader(stream)), 1);
  });
});
