// MCP Inspector CLI (@modelcontextprotocol/inspector 2.12, `--cli`) against zscaler-mcp.
// Run through tests/clients/inspector/run.sh (needs Node 22 and the bootstrap cache).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { BIN, INFO_TOOL, LEGACY_LATEST, SERVER_NAME, serverEnv, startHttpServer } from '../ts/helpers.mjs';

const MODERN = '2026-07-28';
const CACHE = process.env.ZSCALER_MCP_CACHE ?? path.join(homedir(), '.cache', 'zscaler-mcp');
const NPM_PREFIX = process.env.NPM_PREFIX ?? path.join(CACHE, 'npm');
const INSPECTOR = path.join(NPM_PREFIX, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');
if (!existsSync(INSPECTOR)) throw new Error(`Inspector not found at ${INSPECTOR}; run scripts/bootstrap-test-deps.sh`);

// The Inspector keeps a catalog, client config and OAuth state under $HOME: give it a throwaway one.
const scratchHome = mkdtempSync(path.join(tmpdir(), 'zscaler-mcp-inspector-'));
after(() => rmSync(scratchHome, { recursive: true, force: true }));

/** Run `inspector --cli <target...> <args...> --format json`; resolve { code, json, stdout, stderr }. */
function inspector(target, args) {
  const argv = [INSPECTOR, '--cli', ...target, ...args, '--format', 'json', '--stored-auth-only', '--connect-timeout', '10000'];
  const env = serverEnv({
    HOME: scratchHome,
    MCP_CATALOG_PATH: path.join(scratchHome, 'mcp.json'),
    MCP_CLIENT_CONFIG_PATH: path.join(scratchHome, 'client.json'),
    NO_COLOR: '1',
  });
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { env, timeout: 30_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      let json;
      const body = (stdout.trim() || stderr.trim().split('\n').pop() || '').trim();
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      resolve({ code, json, stdout, stderr, argv: argv.slice(1).join(' ') });
    });
  });
}

function ok(run) {
  assert.equal(run.code, 0, `inspector ${run.argv} exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  assert.ok(run.json, `inspector printed no JSON on stdout:\n${run.stdout}\n${run.stderr}`);
  assert.equal(run.json.error, undefined, JSON.stringify(run.json.error));
  return run.json.result;
}

async function checkToolsList(target) {
  const result = ok(await inspector(target, ['--method', 'tools/list']));
  const tool = result.tools.find((t) => t.name === INFO_TOOL);
  assert.ok(tool, `${INFO_TOOL} missing: ${JSON.stringify(result.tools.map((t) => t.name))}`);
  assert.equal(tool.annotations?.readOnlyHint, true);
  assert.equal(tool.inputSchema?.type, 'object');
}

async function checkInfoCall(target, era, { protocol, transport, session }) {
  const result = ok(await inspector(target, ['--method', 'tools/call', '--tool-name', INFO_TOOL, '--protocol-era', era]));
  assert.equal(result.isError, false, JSON.stringify(result));
  const sc = result.structuredContent;
  assert.equal(sc.server.name, SERVER_NAME);
  assert.equal(typeof sc.server.version, 'string');
  assert.equal(sc.protocolVersion, protocol);
  assert.equal(sc.transport, transport);
  assert.equal(sc.session, session);
  assert.equal(typeof sc.writeTools.enabled, 'boolean');
  assert.deepEqual(JSON.parse(result.content.find((c) => c.type === 'text').text), sc);
}

describe('inspector --cli over stdio', { concurrency: 2 }, () => {
  const target = [BIN];
  test('tools/list', () => checkToolsList(target));
  test('tools/call (legacy era)', () =>
    checkInfoCall(target, 'legacy', { protocol: LEGACY_LATEST, transport: 'stdio', session: 'stdio' }));
  test('tools/call (auto era)', () =>
    checkInfoCall(target, 'auto', { protocol: MODERN, transport: 'stdio', session: 'stdio' }));
  test('tools/call of an unknown tool fails and names it', async () => {
    const run = await inspector(target, ['--method', 'tools/call', '--tool-name', 'zscaler_no_such_tool_xyz']);
    assert.notEqual(run.code, 0, `unknown tool call succeeded: ${run.stdout}`);
    assert.match(run.stdout + run.stderr, /zscaler_no_such_tool_xyz/);
  });
});

describe('inspector --cli over streamable HTTP (--transport http)', { concurrency: 2 }, () => {
  let server;
  const target = () => [`${server.base}/mcp`, '--transport', 'http'];
  before(async () => {
    server = await startHttpServer(['--transport', 'streamable-http']);
  });
  test('tools/list', () => checkToolsList(target()));
  test('tools/call (legacy era)', () =>
    checkInfoCall(target(), 'legacy', { protocol: LEGACY_LATEST, transport: 'streamable-http', session: 'stateful' }));
  test('tools/call (auto era)', () =>
    checkInfoCall(target(), 'auto', { protocol: MODERN, transport: 'streamable-http', session: 'stateless' }));
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, `exit code after SIGTERM\n${server.log()}`);
  });
});

describe('inspector --cli over legacy SSE (--transport sse)', () => {
  test('tools/call', async () => {
    const server = await startHttpServer(['--transport', 'sse']);
    try {
      await checkInfoCall([`${server.base}/sse`, '--transport', 'sse'], 'legacy', {
        protocol: LEGACY_LATEST,
        transport: 'sse',
        session: 'sse',
      });
    } finally {
      assert.equal(await server.stop(), 0, `exit code after SIGTERM\n${server.log()}`);
    }
  });
});
