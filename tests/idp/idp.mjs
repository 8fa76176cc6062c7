#!/usr/bin/env node
// Loopback OpenID Provider for tests only, built on oidc-provider v9 (panva).
//
//   node tests/idp/idp.mjs [--port N] [--client id:secret:redirect_uri[,redirect_uri...]]...
//                          [--account sub:email]... [--access-token-ttl SECONDS] [--verbose]
//
// Prints exactly one JSON line on stdout once listening:
//   {"issuer":"http://127.0.0.1:PORT","discovery":".../.well-known/openid-configuration","jwks_uri":"..."}
// then serves until SIGTERM/SIGINT (exit 0). Everything else goes to stderr.
// oidc-provider is resolved from $ZSCALER_MCP_NPM_MODULES (a node_modules dir), default
// $HOME/.cache/zscaler-mcp/npm/node_modules (installed by scripts/bootstrap-test-deps.sh).
// Not for production: plain http, loopback only, in-memory storage, random keys per run.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// stdout carries only the single JSON line. oidc-provider prints its NOTICEs with
// console.info (stdout), so send every console method to stderr.
for (const m of ['log', 'info', 'debug']) {
  console[m] = (...args) => console.error(...args);
}

const log = (...args) => console.error('[idp]', ...args);

function usage(msg) {
  if (msg) log(`error: ${msg}`);
  console.error(`usage: node idp.mjs [--port N] [--client id:secret:redirect_uri[,redirect_uri...]]...
                   [--account sub:email]... [--access-token-ttl SECONDS] [--verbose]`);
  process.exit(2);
}

// ------------------------------------------------------------------ options
function parseArgs(argv) {
  const opts = { port: 0, clients: [], accounts: [], accessTokenTTL: 600, verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq !== -1) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      i += 1;
      return argv[i];
    };
    switch (arg) {
      case '--port': {
        const v = take();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) usage(`bad --port ${v}`);
        opts.port = n;
        break;
      }
      case '--client': {
        // id:secret:redirect_uri[,redirect_uri...]; the URIs contain ':' so split twice only.
        const v = take();
        const a = v.indexOf(':');
        const b = a === -1 ? -1 : v.indexOf(':', a + 1);
        if (a <= 0 || b === -1) usage(`bad --client ${v} (want id:secret:redirect_uri[,...])`);
        const clientId = v.slice(0, a);
        const secret = v.slice(a + 1, b);
        const redirectUris = v.slice(b + 1).split(',').filter(Boolean);
        if (!secret || redirectUris.length === 0) usage(`bad --client ${v}`);
        opts.clients.push({ clientId, secret, redirectUris });
        break;
      }
      case '--account': {
        const v = take();
        const a = v.indexOf(':');
        if (a <= 0 || a === v.length - 1) usage(`bad --account ${v} (want sub:email)`);
        opts.accounts.push({ sub: v.slice(0, a), email: v.slice(a + 1) });
        break;
      }
      case '--access-token-ttl': {
        const v = take();
        const n = Number(v);
        if (!Number.isInteger(n) || n <= 0) usage(`bad --access-token-ttl ${v}`);
        opts.accessTokenTTL = n;
        break;
      }
      case '--verbose':
        opts.verbose = true;
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  if (opts.accounts.length === 0) opts.accounts.push({ sub: 'alice', email: 'alice@example.com' });
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

// ------------------------------------------------------------------ load oidc-provider
const modulesDir = process.env.ZSCALER_MCP_NPM_MODULES
  || path.join(os.homedir(), '.cache', 'zscaler-mcp', 'npm', 'node_modules');
const pkgDir = path.join(modulesDir, 'oidc-provider');
let Provider;
let errors;
try {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const mod = await import(pathToFileURL(path.join(pkgDir, pkg.main || 'lib/index.js')).href);
  Provider = mod.default || mod.Provider;
  errors = mod.errors;
  log(`oidc-provider ${pkg.version} from ${pkgDir}`);
} catch (err) {
  log(`cannot load oidc-provider from ${pkgDir} (set ZSCALER_MCP_NPM_MODULES or run scripts/bootstrap-test-deps.sh): ${err.message}`);
  process.exit(1);
}

// ------------------------------------------------------------------ accounts
const accounts = new Map(opts.accounts.map((a) => [a.sub, a]));
const firstAccount = opts.accounts[0].sub;
const displayName = (sub) => sub.charAt(0).toUpperCase() + sub.slice(1);

async function findAccount(ctx, sub) {
  const account = accounts.get(sub);
  if (!account) return undefined;
  return {
    accountId: sub,
    async claims() {
      return { sub, email: account.email, name: displayName(sub) };
    },
  };
}

// ------------------------------------------------------------------ keys
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingJwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: crypto.randomBytes(8).toString('hex'),
  alg: 'RS256',
  use: 'sig',
};

// ------------------------------------------------------------------ server first (port 0 -> real port -> issuer)
const server = http.createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(opts.port, '127.0.0.1', () => {
    server.off('error', reject);
    resolve();
  });
});
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

// ------------------------------------------------------------------ provider
const ttl = opts.accessTokenTTL;
const RESOURCE_SCOPE = 'mcp:read mcp:write';
const isHttpUrl = (value) => {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

const configuration = {
  findAccount,
  jwks: { keys: [signingJwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex'), crypto.randomBytes(32).toString('hex')] },
  clients: opts.clients.map(({ clientId, secret, redirectUris }) => ({
    client_id: clientId,
    client_secret: secret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  clientDefaults: {
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  },
  // clientAuthMethods keeps its default (none, client_secret_basic/post/jwt, private_key_jwt);
  // v9 accepts client_secret_basic and client_secret_post interchangeably for a secret client.
  scopes: ['openid', 'email', 'profile', 'offline_access', 'mcp:read', 'mcp:write'],
  claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
  // Put the scope-requested claims (email, name) into the ID token too, not only userinfo.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: {
    devInteractions: { enabled: false },
    registration: { enabled: true },
    revocation: { enabled: true, allowedPolicy: async (ctx, client, token) => token.clientId === client.clientId },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => undefined,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resourceIndicator) => {
        if (!isHttpUrl(resourceIndicator)) {
          throw new errors.InvalidTarget();
        }
        return {
          scope: RESOURCE_SCOPE,
          audience: resourceIndicator,
          accessTokenTTL: ttl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  interactions: { url: async (ctx, interaction) => `/interaction/${interaction.uid}` },
  clientBasedCORS: () => true,
  ttl: {
    AccessToken: (ctx, token) => token.resourceServer?.accessTokenTTL || ttl,
    ClientCredentials: (ctx, token) => token.resourceServer?.accessTokenTTL || ttl,
    AuthorizationCode: 60,
    IdToken: 3600,
    RefreshToken: 24 * 3600,
    Interaction: 3600,
    Session: 24 * 3600,
    Grant: 24 * 3600,
  },
};

const provider = new Provider(issuer, configuration);

// Automatic interactions: log in the first account (or login_hint naming a known one)
// and grant everything that the consent prompt reports as missing.
provider.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/interaction/')) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { prompt, params, session } = details;
  let result;
  if (prompt.name === 'login') {
    const hint = typeof params.login_hint === 'string' ? params.login_hint : undefined;
    const accountId = hint && accounts.has(hint) ? hint : firstAccount;
    result = { login: { accountId } };
  } else if (prompt.name === 'consent') {
    const accountId = session.accountId;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: params.client_id });
    const d = prompt.details || {};
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    if (d.missingResourceScopes) {
      for (const [indicator, scopes] of Object.entries(d.missingResourceScopes)) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
    }
    const grantId = await grant.save();
    result = { consent: { grantId } };
  } else {
    log(`unexpected interaction prompt ${prompt.name}`);
    result = { error: 'access_denied', error_description: `unsupported prompt ${prompt.name}` };
  }
  if (opts.verbose) log(`interaction ${details.uid}: ${prompt.name} -> ${JSON.stringify(result)}`);
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
  ctx.respond = false;
  return undefined;
});

if (opts.verbose) {
  provider.use(async (ctx, next) => {
    await next();
    log(`${ctx.method} ${ctx.originalUrl} -> ${ctx.status}`);
  });
}
for (const ev of ['server_error', 'authorization.error', 'grant.error', 'registration_create.error',
  'revocation.error', 'introspection.error', 'userinfo.error', 'jwks.error', 'discovery.error']) {
  provider.on(ev, (ctx, err) => {
    log(`${ev}: ${err?.message}${err?.error_description ? ` (${err.error_description})` : ''}`);
  });
}

server.on('request', provider.callback());

process.stdout.write(`${JSON.stringify({
  issuer,
  discovery: `${issuer}/.well-known/openid-configuration`,
  jwks_uri: `${issuer}/jwks`,
})}\n`);
log(`listening on ${issuer} (clients: ${opts.clients.map((c) => c.clientId).join(', ') || 'none'}; accounts: ${[...accounts.keys()].join(', ')})`);

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
