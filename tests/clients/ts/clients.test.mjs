// @modelcontextprotocol/sdk 1.32 (TypeScript SDK; speaks up to 2025-11-25) against zscaler-mcp.
// Run: ZSCALER_MCP_BIN=... $NODE22 --test tests/clients/ts/clients.test.mjs

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  BIN,
  INFO_TOOL,
  LEGACY_LATEST,
  SDK_VERSION,
  checkClient,
  recordProtocolVersion,
  sdk,
  serverEnv,
  startHttpServer,
} from './helpers.mjs';

const { Client } = await sdk('client/index.js');
const { StdioClientTransport } = await sdk('client/stdio.js');
const { StreamableHTTPClientTransport } = await sdk('client/streamableHttp.js');
const { SSEClientTransport } = await sdk('client/sse.js');
const { LATEST_PROTOCOL_VERSION } = await sdk('types.js');

const newClient = () => new Client({ name: 'zscaler-mcp-ts-test', version: SDK_VERSION });

test('the SDK under test speaks 2025-11-25', () => {
  assert.match(SDK_VERSION, /^1\.32\./);
  assert.equal(LATEST_PROTOCOL_VERSION, LEGACY_LATEST);
});

test('stdio: StdioClientTransport', async () => {
  const transport = new StdioClientTransport({ command: BIN, args: [], env: serverEnv(), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const negotiated = recordProtocolVersion(transport);
  const client = newClient();
  await client.connect(transport);
  const child = transport._process; // private in 1.32; used only to read the exit code
  try {
    assert.equal(negotiated.version, LEGACY_LATEST);
    await checkClient(client, { transport: 'stdio', session: 'stdio' });

    const bad = 'zscaler_no_such_tool_xyz';
    let message;
    try {
      const r = await client.callTool({ name: bad, arguments: {} });
      assert.equal(r.isError, true, `unknown tool did not fail: ${JSON.stringify(r)}`);
      message = r.content.map((c) => c.text ?? '').join(' ');
    } catch (e) {
      message = String(e?.message ?? e);
    }
    assert.ok(message.includes(bad), `error does not name the tool: ${message}`);
  } finally {
    await client.close(); // ends stdin; the server must exit 0 on EOF
  }
  if (child) {
    assert.equal(child.signalCode, null, `stdio server was killed (${child.signalCode}); stderr: ${stderr}`);
    assert.equal(child.exitCode, 0, `stdio server exit code on EOF; stderr: ${stderr}`);
  }
});

test('streamable HTTP: StreamableHTTPClientTransport (stateful)', async () => {
  const server = await startHttpServer(['--transport', 'streamable-http']);
  let code;
  try {
    const transport = new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`));
    const negotiated = recordProtocolVersion(transport);
    const client = newClient();
    await client.connect(transport);
    try {
      assert.equal(negotiated.version, LEGACY_LATEST);
      assert.equal(transport.protocolVersion, LEGACY_LATEST);
      assert.equal(typeof transport.sessionId, 'string');
      assert.ok(transport.sessionId.length > 0, 'no mcp-session-id from a stateful server');
      await checkClient(client, { transport: 'streamable-http', session: 'stateful' });
      await transport.terminateSession(); // DELETE /mcp
      assert.equal(transport.sessionId, undefined);
    } finally {
      await client.close();
    }
  } finally {
    code = await server.stop();
  }
  assert.equal(code, 0, `exit code after SIGTERM\n${server.log()}`);
});

test('streamable HTTP: StreamableHTTPClientTransport (stateless server)', async () => {
  const server = await startHttpServer(['--transport', 'streamable-http'], { ZSCALER_MCP_STATELESS_HTTP: 'true' });
  let code;
  try {
    const transport = new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`));
    const negotiated = recordProtocolVersion(transport);
    const client = newClient();
    await client.connect(transport);
    try {
      assert.equal(negotiated.version, LEGACY_LATEST);
      assert.equal(transport.sessionId, undefined, 'stateless server issued a session id');
      await checkClient(client, { transport: 'streamable-http', session: 'stateless' });
    } finally {
      await client.close();
    }
  } finally {
    code = await server.stop();
  }
  assert.equal(code, 0, `exit code after SIGTERM\n${server.log()}`);
});

test('legacy SSE: SSEClientTransport on /sse (--transport sse)', async () => {
  const server = await startHttpServer(['--transport', 'sse']);
  let code;
  try {
    const transport = new SSEClientTransport(new URL(`${server.base}/sse`));
    const negotiated = recordProtocolVersion(transport);
    const client = newClient();
    await client.connect(transport);
    try {
      assert.equal(negotiated.version, LEGACY_LATEST);
      await checkClient(client, { transport: 'sse', session: 'sse' });
    } finally {
      await client.close();
    }
  } finally {
    code = await server.stop();
  }
  assert.equal(code, 0, `exit code after SIGTERM\n${server.log()}`);
});

test(`${INFO_TOOL} result is identical across transports apart from transport/session`, async () => {
  // Cheap cross-check: stdio and HTTP report the same server name/version and write-tools state.
  const results = [];
  const stdio = new StdioClientTransport({ command: BIN, args: [], env: serverEnv(), stderr: 'ignore' });
  const c1 = newClient();
  await c1.connect(stdio);
  try {
    results.push((await c1.callTool({ name: INFO_TOOL, arguments: {} })).structuredContent);
  } finally {
    await c1.close();
  }
  const server = await startHttpServer(['--transport', 'streamable-http']);
  try {
    const c2 = newClient();
    await c2.connect(new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`)));
    try {
      results.push((await c2.callTool({ name: INFO_TOOL, arguments: {} })).structuredContent);
    } finally {
      await c2.close();
    }
  } finally {
    assert.equal(await server.stop(), 0);
  }
  const [a, b] = results;
  assert.deepEqual(a.server, b.server);
  assert.deepEqual(a.writeTools, b.writeTools);
  assert.equal(a.protocolVersion, b.protocolVersion);
  assert.notEqual(a.transport, b.transport);
});
