/**
 * A floor under "initialize answered": Node alone, no library and no server, answering
 * each request on stdin at once (`initialize` with no capabilities, anything else with
 * null) and leaving on `exit`. The bench starts it in the same rounds as the servers, so
 * the difference is what a server adds to starting Node.
 */
let pending = Buffer.alloc(0);

function reply(id: unknown, result: unknown): void {
  const body = JSON.stringify({ jsonrpc: '2.0', id, result });
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

process.stdin.on('data', (chunk: Buffer) => {
  pending = Buffer.concat([pending, chunk]);
  for (;;) {
    const headerEnd = pending.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(pending.toString('ascii', 0, headerEnd))?.[1]);
    if (!Number.isFinite(length) || pending.length < headerEnd + 4 + length) return;
    const message = JSON.parse(pending.toString('utf8', headerEnd + 4, headerEnd + 4 + length)) as { id?: unknown; method?: string };
    pending = pending.subarray(headerEnd + 4 + length);
    if (message.method === 'exit') process.exit(0);
    if (message.id !== undefined) reply(message.id, message.method === 'initialize' ? { capabilities: {} } : null);
  }
});
