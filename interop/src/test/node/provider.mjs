// panva's oidc-provider (OpenID Certified) as an independent identity provider for Lanyard's interoperability
// tests. Started and stopped by the Java test harness (io.lanyard.interop.harness.OidcProviderServer):
//
//   node provider.mjs <config.json>
//
// The configuration file, written by the harness (owner-only), holds the issuer, the port to listen on (127.0.0.1
// only), the cookie keys, the signing keys (a private JWK set) and the clients with their secrets. Key rotation is
// a restart with a new key set on the same port. Nothing secret is printed.
//
// Provider settings chosen to match what Lanyard requires and what an administrator would set:
//   - PKCE required for every client, S256 only (RFC 7636);
//   - RFC 9207: oidc-provider always sends `iss` in authorization responses and announces it;
//   - conformIdTokenClaims: false, so claims of the requested scopes are also in the ID token (with the default,
//     true, OIDC Core §5.4 puts them only in userinfo: then Lanyard needs USE_USERINFO);
//   - `groups` as a scope of its own, with a `groups` claim;
//   - `host_username`, a claim that only the userinfo endpoint returns, for the USE_USERINFO test;
//   - its own login page (the development login page that accepts any password is switched off).

import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const VERSION = JSON.parse(readFileSync(new URL('./node_modules/oidc-provider/package.json', import.meta.url), 'utf8')).version;

// The people who can log in. Test accounts with test passwords, the same as in the Keycloak realm.
const ACCOUNTS = {
  alice: {
    password: 'alice-interop-password',
    claims: {
      name: 'Alice Anderson', given_name: 'Alice', family_name: 'Anderson', preferred_username: 'alice',
      email: 'alice@example.com', email_verified: true, groups: ['lanyard-users', 'jira-administrators'],
    },
  },
  bob: {
    password: 'bob-interop-password',
    claims: {
      name: 'Bob Brown', given_name: 'Bob', family_name: 'Brown', preferred_username: 'bob',
      email: 'bob@example.com', email_verified: true, groups: ['lanyard-users'],
    },
  },
};

const provider = new Provider(config.issuer, {
  clients: config.clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    ...client,
  })),
  jwks: config.jwks,
  cookies: { keys: config.cookieKeys },
  pkce: { required: () => true, methods: ['S256'] },
  ttl: {
    AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 3600, Interaction: 600, Session: 3600,
  },
  conformIdTokenClaims: false,
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'host_username'],
    email: ['email', 'email_verified'],
    groups: ['groups'],
  },
  features: {
    devInteractions: { enabled: false },
    // For later: Lanyard's back-channel logout (clients carry backchannel_logout_uri).
    backchannelLogout: { enabled: true },
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  async findAccount(ctx, sub) {
    const account = ACCOUNTS[sub];
    if (!account) {
      return undefined;
    }
    return {
      accountId: sub,
      // `use` is "id_token" or "userinfo": host_username is given to the userinfo endpoint only.
      async claims(use) {
        return use === 'userinfo'
          ? { sub, ...account.claims, host_username: sub }
          : { sub, ...account.claims };
      },
    };
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Error</h1><p id="error">${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
  },
});
// Behind the test's proxy: URLs are built from X-Forwarded-Host / X-Forwarded-Proto.
provider.proxy = true;

const callback = provider.callback();

const server = http.createServer(async (req, res) => {
  try {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(new URL(req.url, config.issuer).pathname);
    if (!match) {
      callback(req, res);
      return;
    }
    if (req.method === 'GET' && !match[2]) {
      await showInteraction(req, res, match[1]);
    } else if (req.method === 'POST' && match[2]) {
      await submitLogin(req, res, match[1]);
    } else {
      res.writeHead(405).end();
    }
  } catch (err) {
    console.error(`interaction failed: ${err.name}: ${err.message}`);
    if (!res.headersSent) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    }
    res.end(page('Error', `<h1>Error</h1><p id="error">${escape(err.name)}</p>`));
  }
});

/** The login page for the login prompt; the consent of these first-party clients is given without a page. */
async function showInteraction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    sendLoginPage(res, uid, details.params.client_id, '');
    return;
  }
  if (details.prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) {
      grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    }
    if (missing.missingOIDCClaims) {
      grant.addOIDCClaims(missing.missingOIDCClaims);
    }
    const grantId = await grant.save();
    const result = details.grantId ? {} : { consent: { grantId } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(400).end();
}

async function submitLogin(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  const form = new URLSearchParams(await body(req));
  const username = form.get('username') ?? '';
  const account = Object.hasOwn(ACCOUNTS, username) ? ACCOUNTS[username] : undefined;
  if (!account || account.password !== form.get('password')) {
    sendLoginPage(res, uid, details.params.client_id, 'Invalid username or password.');
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
}

function sendLoginPage(res, uid, clientId, error) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page('Sign in', `
    <h1>Sign in to the interop provider</h1>
    <p>oidc-provider ${escape(VERSION)} &middot; client <code>${escape(clientId)}</code></p>
    ${error ? `<p id="login-error" role="alert">${escape(error)}</p>` : ''}
    <form id="login" method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
      <p><label for="username">Username</label> <input id="username" name="username" required autofocus></p>
      <p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>
      <p><button id="sign-in" type="submit">Sign in</button></p>
    </form>`));
}

function page(title, content) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
    <style>body{font-family:sans-serif;max-width:30em;margin:3em auto}#login-error{color:#b00}</style></head>
    <body>${content}</body></html>`;
}

function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function body(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) {
      throw new Error('form too large');
    }
  }
  return text;
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

server.listen(config.port, '127.0.0.1', () => {
  console.log(`oidc-provider ${VERSION} listening on 127.0.0.1:${server.address().port}, issuer ${config.issuer}`);
});
