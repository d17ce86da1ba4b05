/**
 * A `--require` preload (plain CommonJS, so that the built bundles can load it) that makes
 * every way out of the process fail loudly: sockets, DNS, HTTP(S), HTTP/2, UDP, fetch,
 * listening servers, and child processes. Each attempt is appended to the file named by
 * ISMS_NET_GUARD_LOG (one JSON line: what and where) and then throws, so the test can
 * assert that the server, the CLI and report generation never tried.
 */
'use strict';
const fs = require('node:fs');

const LOG = process.env.ISMS_NET_GUARD_LOG;
// Proof that the guard was loaded into this process (else a clean log would prove nothing).
if (LOG) fs.appendFileSync(`${LOG}.loaded`, process.argv.slice(1).join(' ') + '\n');

function record(what) {
  const stack = (new Error().stack || '').split('\n').slice(3, 9).map((l) => l.trim());
  if (LOG) fs.appendFileSync(LOG, JSON.stringify({ what, pid: process.pid, argv: process.argv.slice(1), stack }) + '\n');
  throw new Error(`${what} blocked by the test's network guard`);
}

function block(object, name, what) {
  if (!object || typeof object[name] !== 'function') return;
  Object.defineProperty(object, name, { value: function blocked() { return record(what); }, writable: true, configurable: true });
}

const net = require('node:net');
block(net.Socket.prototype, 'connect', 'net.Socket.connect');
block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(net.Server.prototype, 'listen', 'net.Server.listen');

const tls = require('node:tls');
block(tls, 'connect', 'tls.connect');

const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  block(dns, name, `dns.${name}`);
  block(dns.promises, name, `dns.promises.${name}`);
  block(dns.Resolver && dns.Resolver.prototype, name, `dns.Resolver.${name}`);
}

for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  block(m, 'request', `${mod.slice(5)}.request`);
  block(m, 'get', `${mod.slice(5)}.get`);
}
block(require('node:http2'), 'connect', 'http2.connect');
block(require('node:dgram'), 'createSocket', 'dgram.createSocket');
if (typeof globalThis.fetch === 'function') block(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') block(globalThis, 'WebSocket', 'WebSocket');

const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) block(childProcess, name, `child_process.${name}`);
