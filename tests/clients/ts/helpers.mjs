// Shared helpers for the TypeScript-SDK client tests (run with Node 22: `node --test`).
//
// The SDK is not installed in the repo: scripts/bootstrap-test-deps.sh installs it under
// $NPM_PREFIX (default $ZSCALER_MCP_CACHE/npm), and we import its ESM build by absolute path.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

export const LEGACY_LATEST = '2025-11-25';
export const SERVER_NAME = 'zscaler-mcp';
export const INFO_TOOL = 'zscaler_get_server_info';

const STARTUP_TIMEOUT_MS = 10_000;
const SHUTDOWN_TIMEOUT_MS = 5_000;

export const BIN = process.env.ZSCALER_MCP_BIN;
if (!BIN) {
  throw new Error(
    'ZSCALER_MCP_BIN is not set: point it at the built server, e.g. ' +
      'ZSCALER_MCP_BIN=$HOME/.cache/zscaler-mcp/target/debug/zscaler-mcp',
  );
}
if (!existsSync(BIN)) throw new Error(`ZSCALER_MCP_BIN=${BIN} does not exist`);

const CACHE = process.env.ZSCALER_MCP_CACHE ?? path.join(homedir(), '.cache', 'zscaler-mcp');
const NPM_PREFIX = process.env.NPM_PREFIX ?? path.join(CACHE, 'npm');
const SDK_DIR = path.join(NPM_PREFIX, 'node_modules', '@modelcontextprotocol', 'sdk');
if (!existsSync(SDK_DIR)) {
  throw new Error(`@modelcontextprotocol/sdk not found under ${NPM_PREFIX}; run scripts/bootstrap-test-deps.sh`);
}
export const SDK_VERSION = JSON.parse(readFileSync(path.join(SDK_DIR, 'package.json'), 'utf8')).version;

/** Import an SDK module by its package subpath, e.g. sdk('client/index.js'). */
export function sdk(subpath) {
  return import(pathToFileURL(path.join(SDK_DIR, 'dist', 'esm', subpath)).href);
}

/** The server's environment: ours, minus any ZSCALER_* settings (no credentials, no write tools). */
export function serverEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ZSCALER_')));
  env.RUST_LOG ??= 'warn';
  // HTTP authenticates clients by default; tests that do not test auth serve without it.
  if (!Object.keys(extra).some((k) => k.startsWith('ZSCALER_MCP_AUTH_'))) env.ZSCALER_MCP_AUTH_MODE = 'none';
  return { ...env, ...extra };
}

export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/**
 * Start `zscaler-mcp <args> --port N` on 127.0.0.1 and wait for GET /health == 200.
 * Returns { base, port, stop() } where stop() SIGTERMs and resolves to the exit code.
 */
export async function startHttpServer(args, env = {}, fixedPort = undefined) {
  const port = fixedPort ?? (await freePort());
  const fullArgs = [...args, '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(BIN, fullArgs, { env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${fullArgs.join(' ')} exited early (${child.exitCode})\n${log}`);
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) });
      last = res.status;
      if (res.status === 200) break;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server ${fullArgs.join(' ')} not healthy in ${STARTUP_TIMEOUT_MS}ms (last: ${last})\n${log}`);
    }
    await sleep(50);
  }

  return {
    base,
    port,
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = sleep(SHUTDOWN_TIMEOUT_MS).then(() => 'timeout');
      const outcome = await Promise.race([exited, timer]);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`server did not exit within ${SHUTDOWN_TIMEOUT_MS}ms of SIGTERM\n${log}`);
      }
      assert.equal(outcome.signal, null, `server died from signal ${outcome.signal}\n${log}`);
      return outcome.code;
    },
  };
}

/**
 * Record the protocol version the SDK Client negotiates: after `initialize`, Client.connect()
 * calls transport.setProtocolVersion(result.protocolVersion) when the transport has one
 * (HTTP and SSE transports do; we add it to stdio). The original method still runs.
 */
export function recordProtocolVersion(transport) {
  const seen = { version: undefined };
  const original = typeof transport.setProtocolVersion === 'function' ? transport.setProtocolVersion.bind(transport) : null;
  transport.setProtocolVersion = (version) => {
    seen.version = version;
    if (original) original(version);
  };
  return seen;
}

/** Shared assertions: server identity, tools/list, and zscaler_get_server_info's structuredContent. */
export async function checkClient(client, { transport, session }) {
  const serverVersion = client.getServerVersion();
  assert.equal(serverVersion?.name, SERVER_NAME);
  assert.equal(typeof serverVersion.version, 'string');
  assert.ok(client.getServerCapabilities()?.tools, 'server does not advertise tools');

  const { tools } = await client.listTools();
  const info = tools.find((t) => t.name === INFO_TOOL);
  assert.ok(info, `${INFO_TOOL} missing from tools/list: ${tools.map((t) => t.name).join(', ')}`);
  assert.equal(info.annotations?.readOnlyHint, true);
  assert.equal(info.inputSchema?.type, 'object');

  const result = await client.callTool({ name: INFO_TOOL, arguments: {} });
  assert.notEqual(result.isError, true, `${INFO_TOOL} failed: ${JSON.stringify(result.content)}`);
  const sc = result.structuredContent;
  assert.equal(typeof sc, 'object');
  assert.equal(sc.server?.name, SERVER_NAME);
  assert.equal(typeof sc.server?.version, 'string');
  assert.equal(sc.protocolVersion, LEGACY_LATEST);
  assert.equal(sc.transport, transport);
  assert.equal(sc.session, session);
  assert.equal(typeof sc.writeTools?.enabled, 'boolean');
  const text = result.content.find((c) => c.type === 'text');
  assert.ok(text, 'no text content');
  assert.deepEqual(JSON.parse(text.text), sc, 'text content differs from structuredContent');
  return sc;
}
