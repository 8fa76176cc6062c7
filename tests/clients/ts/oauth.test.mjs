// OAuth 2.1 (ZSCALER_MCP_AUTH_MODE=oidc-proxy) through the TypeScript SDK 1.32's auth provider
// and through mcp-remote (the stdio bridge desktop clients use), against a real OpenID Provider:
// the npm oidc-provider on loopback (tests/idp/idp.mjs). The "browser" is this test: it follows
// the authorization URL through the provider's automatic sign-in and consent, keeping cookies,
// up to the client's redirect URI.
// Run: ZSCALER_MCP_BIN=... $NODE22 --test tests/clients/ts/oauth.test.mjs

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { INFO_TOOL, SDK_VERSION, freePort, sdk, serverEnv, startHttpServer } from './helpers.mjs';

const { Client } = await sdk('client/index.js');
const { StreamableHTTPClientTransport } = await sdk('client/streamableHttp.js');
const { StdioClientTransport } = await sdk('client/stdio.js');
const { UnauthorizedError } = await sdk('client/auth.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CACHE = process.env.ZSCALER_MCP_CACHE ?? path.join(homedir(), '.cache', 'zscaler-mcp');
const NODE_MODULES = path.join(process.env.NPM_PREFIX ?? path.join(CACHE, 'npm'), 'node_modules');
const IDP_CLIENT = 'zscaler-mcp';
const IDP_SECRET = 'idp-client-secret-0123456789';

/** Starts tests/idp/idp.mjs with our server's callback registered; resolves with its issuer. */
async function startIdp(callback) {
  const child = spawn(process.execPath, [path.join(ROOT, 'tests', 'idp', 'idp.mjs'), '--client', `${IDP_CLIENT}:${IDP_SECRET}:${callback}`], {
    env: { ...process.env, ZSCALER_MCP_NPM_MODULES: NODE_MODULES },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  const line = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`idp.mjs exited ${code}: ${log}`)));
  });
  const info = JSON.parse(line);
  return { ...info, stop: () => child.kill('SIGTERM') };
}

/** Starts the provider and an oidc-proxy server in front of it. */
async function startStack() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idp = await startIdp(`${base}/auth/callback`);
  const server = await startHttpServer(
    ['--transport', 'streamable-http'],
    {
      ZSCALER_MCP_AUTH_MODE: 'oidc-proxy',
      OIDCPROXY_CONFIG_URL: idp.discovery,
      OIDCPROXY_BASE_URL: base,
      OIDCPROXY_CLIENT_ID: IDP_CLIENT,
      OIDCPROXY_CLIENT_SECRET: IDP_SECRET,
    },
    port,
  );
  return { idp, server, mcpUrl: `${base}/mcp` };
}

/** The user's browser: follows redirects (keeping cookies per host) until one points under
 * `stopAt`, which is returned as a URL (fetched too when `deliver`, as a real browser would). */
async function browse(start, stopAt, { deliver = false } = {}) {
  const jar = new Map();
  let url = new URL(start);
  for (let i = 0; i < 20; i++) {
    if (url.href.startsWith(stopAt)) {
      if (deliver) {
        const res = await fetch(url, { redirect: 'manual' });
        assert.ok(res.status < 400, `the client's callback answered ${res.status}`);
      }
      return url;
    }
    const cookies = jar.get(url.host) ?? new Map();
    const res = await fetch(url, {
      redirect: 'manual',
      headers: cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    jar.set(url.host, cookies);
    assert.ok([301, 302, 303, 307, 308].includes(res.status), `GET ${url} answered ${res.status}: ${await res.text()}`);
    url = new URL(res.headers.get('location'), url);
  }
  throw new Error('too many redirects');
}

test('TypeScript SDK auth provider: discovery, registration, authorization, token, tools/call', async () => {
  const { idp, server, mcpUrl } = await startStack();
  try {
    const redirectUrl = 'http://127.0.0.1:9/ts-callback';
    const store = { opened: [] };
    const provider = {
      get redirectUrl() {
        return redirectUrl;
      },
      get clientMetadata() {
        return {
          client_name: `ts-sdk ${SDK_VERSION}`,
          redirect_uris: [redirectUrl],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        };
      },
      clientInformation: () => store.client,
      saveClientInformation: (c) => (store.client = c),
      tokens: () => store.tokens,
      saveTokens: (t) => (store.tokens = t),
      redirectToAuthorization: (u) => store.opened.push(u),
      saveCodeVerifier: (v) => (store.verifier = v),
      codeVerifier: () => store.verifier,
    };

    // First connection: 401 → discovery → registration → the user is sent to authorize.
    const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
    await assert.rejects(new Client({ name: 'ts-oauth', version: '1' }).connect(first), UnauthorizedError);
    assert.equal(store.opened.length, 1);
    assert.ok(store.opened[0].href.startsWith(`${server.base}/authorize?`), store.opened[0].href);
    assert.ok(store.client.client_id.startsWith('zmcp_'), JSON.stringify(store.client));

    const back = await browse(store.opened[0], redirectUrl);
    assert.equal(back.searchParams.get('iss'), server.base, back.href);
    await first.finishAuth(back.searchParams.get('code'));
    assert.ok(store.tokens.access_token.startsWith('zmcp_at_'));
    assert.ok(store.tokens.refresh_token.startsWith('zmcp_rt_'));

    // With the token: an authenticated session and tool call.
    const client = new Client({ name: 'ts-oauth', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === INFO_TOOL));
      const info = await client.callTool({ name: INFO_TOOL, arguments: {} });
      assert.equal(info.isError ?? false, false);
      assert.match(info.structuredContent.security.clientAuth, /^oidc-proxy/);
    } finally {
      await client.close();
    }
  } finally {
    idp.stop();
    assert.equal(await server.stop(), 0, server.log());
  }
});

test('mcp-remote (stdio bridge for desktop clients) completes the flow and proxies tools', async () => {
  const { idp, server, mcpUrl } = await startStack();
  const configDir = mkdtempSync(path.join(tmpdir(), 'mcp-remote-'));
  const callbackPort = await freePort();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(NODE_MODULES, 'mcp-remote', 'dist', 'proxy.js'), mcpUrl, String(callbackPort)],
    // No browser here: mcp-remote prints the authorization URL, and this test follows it.
    env: { ...serverEnv(), MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: 'false', PATH: process.env.PATH },
    stderr: 'pipe',
  });
  let stderr = '';
  const authorizationUrl = new Promise((resolve) => {
    transport.stderr.on('data', (d) => {
      stderr += d;
      const m = stderr.match(/Please authorize this client by visiting:\s*(\S+)/);
      if (m) resolve(m[1]);
    });
  });
  const client = new Client({ name: 'desktop-app', version: '1' });
  try {
    const connecting = client.connect(transport);
    const url = await Promise.race([
      authorizationUrl,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no authorization URL:\n${stderr}`)), 30_000).unref(),
      ),
    ]);
    assert.ok(url.startsWith(`${server.base}/authorize?`), url);
    // The browser ends at mcp-remote's own loopback callback, which receives the code.
    const back = await browse(url, `http://localhost:${callbackPort}/oauth/callback`, { deliver: true });
    assert.ok(back.searchParams.get('code'), back.href);
    await connecting;
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === INFO_TOOL), `${tools.length} tools`);
    const info = await client.callTool({ name: INFO_TOOL, arguments: {} });
    assert.equal(info.isError ?? false, false, JSON.stringify(info.content));
    assert.match(info.structuredContent.security.clientAuth, /^oidc-proxy/);
  } catch (e) {
    e.message += `\nmcp-remote stderr:\n${stderr.slice(-3000)}`;
    throw e;
  } finally {
    await client.close().catch(() => {});
    idp.stop();
    assert.equal(await server.stop(), 0, server.log());
    rmSync(configDir, { recursive: true, force: true });
  }
});
