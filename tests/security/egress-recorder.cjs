/**
 * Loaded with `node --require` (through NODE_OPTIONS) into a process under test — the VS Code
 * extension host in the plugin's journeys — to record every outgoing connection attempt and DNS
 * lookup, with the JavaScript stack that made it, as JSON lines in $CG_EGRESS_LOG. A test then
 * fails on any record whose stack passes through the plugin's own code, and on any non-loopback
 * record at all while only the plugin's journey runs.
 *
 * Socket.prototype.connect sits under http, https, tls, undici's fetch and WebSocket, so patching
 * it (and dns) sees every way Node code can reach the network.
 */
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

const log = process.env.CG_EGRESS_LOG;
if (log) {
  const loopback = (host) =>
    host === undefined || host === 'localhost' || /^127\./.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
  const record = (entry) => {
    const stack = (new Error().stack || '').split('\n').slice(2, 30).join('\n');
    try {
      fs.appendFileSync(log, JSON.stringify({ pid: process.pid, ...entry, stack }) + '\n');
    } catch {
      // The recorder must never change the behaviour of the process it watches.
    }
  };

  // Proof that the recorder runs in this process: a test can then tell "no requests" from
  // "not watched".
  try {
    fs.appendFileSync(log, JSON.stringify({ pid: process.pid, kind: 'loaded', argv: process.argv.slice(1) }) + '\n');
  } catch {
    // as below
  }

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function patchedConnect(...args) {
    const first = args[0];
    const options = Array.isArray(first) ? first[0] : first;
    let host;
    let port;
    let path;
    if (options && typeof options === 'object') ({ host, port, path } = options);
    else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) [port, host] = [first, typeof args[1] === 'string' ? args[1] : undefined];
    else if (typeof first === 'string') path = first;
    // A unix socket or pipe has a path and no host or port (http passes its request path along too).
    const ipc = path !== undefined && host === undefined && port === undefined;
    if (!ipc) record({ kind: 'connect', host: host ?? 'localhost', port, loopback: loopback(host) });
    return connect.apply(this, args);
  };

  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
    const original = dns[name];
    if (typeof original !== 'function') continue;
    dns[name] = function patchedDns(hostname, ...rest) {
      record({ kind: `dns.${name}`, host: hostname, loopback: loopback(hostname) });
      return original.call(this, hostname, ...rest);
    };
  }
}
