import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/api/dispatch';
import { SECURITY_HEADERS } from '../core/security/csp';
import { readStaticFile } from '../core/security/staticFiles';
import {
  SERVER_KEY_HEADER,
  TOKEN_HEADER,
  allowedHost,
  allowedOrigin,
  isLoopbackHost,
  randomSecret,
  readCookie,
  sameSecret,
  sessionCookieName,
} from './access';

/** Large enough for every contract input, including a 25 MB photo sent as base64. */
export const MAX_BODY_BYTES = 36 * 1024 * 1024;

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port: number;
  host?: string;
  /** Fixed start-up token for tests; random per run otherwise. */
  token?: string;
  /** How long a start-up token stays valid (default 10 minutes). */
  tokenLifetimeMs?: number;
  now?: () => number;
}

/** A one-time code handed to the browser `--open` starts: it is visible in the process list, so it lives briefly. */
export const OPEN_CODE_LIFETIME_MS = 60_000;
export const TOKEN_LIFETIME_MS = 10 * 60_000;

export interface WebHost {
  server: Server;
  port: number;
  /** The start-up token: exchanged once for a session, within its lifetime. */
  token: string;
  url: string;
  /** A new single-use sign-in address (for `--open`, or when the first one was used or expired). */
  issueUrl(lifetimeMs?: number): string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves the renderer and the contract over HTTP on loopback only. A random token printed in the
 * start-up URL is exchanged — once, within minutes — for a session of its own: an HttpOnly,
 * SameSite=Strict cookie named for this port, and a server key the page keeps to check, before it
 * sends a passphrase, that it still talks to the server it signed in to. Every API call needs the
 * cookie, a Host header naming this server, and no foreign Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`Refusing to listen on ${host}: the web host only serves this computer.`);
  const now = options.now ?? Date.now;
  /** Single-use sign-in tokens and when each expires. */
  const tokens = new Map<string, number>();
  /** Signed-in sessions: cookie secret → the server key given with it. */
  const sessions = new Map<string, string>();
  const issueToken = (lifetimeMs: number, token = randomSecret()): string => {
    tokens.set(token, now() + lifetimeMs);
    return token;
  };
  const token = issueToken(options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS, options.token);
  let port = options.port;

  /** Takes a token out of the set if it is there and fresh; constant-time comparison for each. */
  const redeem = (given: string | undefined): boolean => {
    for (const [candidate, expiresAt] of tokens) {
      if (expiresAt <= now()) {
        tokens.delete(candidate);
        continue;
      }
      if (sameSecret(given, candidate)) {
        tokens.delete(candidate);
        return true;
      }
    }
    return false;
  };
  const session = (req: IncomingMessage): string | null => {
    const secret = readCookie(req, sessionCookieName(port));
    if (secret === undefined) return null;
    for (const candidate of sessions.keys()) if (sameSecret(secret, candidate)) return candidate;
    return null;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : 'Internal error';
      if (!(error instanceof HttpError)) console.error('[axis web] request failed:', (error as Error)?.message);
      send(res, status, { 'Content-Type': 'text/plain; charset=utf-8' }, message);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHost(req, port)) throw new HttpError(403, 'Forbidden host');
    if (!allowedOrigin(req, port)) throw new HttpError(403, 'Forbidden origin');
    const url = requestUrl(req.url, port);
    const cookieName = sessionCookieName(port);

    if (url.pathname === '/api/session') {
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      const given = req.headers[TOKEN_HEADER];
      if (!redeem(Array.isArray(given) ? given[0] : given))
        throw new HttpError(401, 'Missing, used or expired access token');
      const secret = randomSecret();
      const serverKey = randomSecret();
      sessions.set(secret, serverKey);
      res.setHeader('Set-Cookie', `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`);
      send(res, 204, { [SERVER_KEY_HEADER]: serverKey }, '');
      return;
    }

    if (
      url.pathname === '/api/session/end' ||
      url.pathname === '/api/session/prove' ||
      url.pathname === '/api/session/token'
    ) {
      const secret = session(req);
      if (!secret) throw new HttpError(401, 'Not signed in');
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      if (url.pathname === '/api/session/end') {
        sessions.delete(secret);
        res.setHeader('Set-Cookie', `${cookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
        send(res, 204, {}, '');
        return;
      }
      if (url.pathname === '/api/session/token') {
        // A signed-in page can hand another tab or browser a fresh single-use address.
        send(
          res,
          200,
          { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
          JSON.stringify({ token: issueToken(OPEN_CODE_LIFETIME_MS) }),
        );
        return;
      }
      // Proves this server holds the key it gave the page at sign-in (a squatter on the port does not).
      const challenge = (url.searchParams.get('challenge') ?? '').slice(0, 200);
      if (challenge.length < 16) throw new HttpError(400, 'Challenge expected');
      const proof = createHmac('sha256', sessions.get(secret)!).update(challenge).digest('base64url');
      send(
        res,
        200,
        { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
        JSON.stringify({ proof }),
      );
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!session(req)) throw new HttpError(401, 'Not signed in');
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw new HttpError(415, 'JSON expected');
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        throw new HttpError(400, 'Bad request path'); // malformed percent-encoding
      }
      const input = parseJson(await readBody(req));
      const result = await options.dispatch(method, input);
      send(
        res,
        200,
        { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
        JSON.stringify(result),
      );
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) throw new HttpError(404, 'Not found');
    send(
      res,
      200,
      { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
      req.method === 'HEAD' ? '' : file.body,
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    issueUrl: (lifetimeMs = OPEN_CODE_LIFETIME_MS) => `http://127.0.0.1:${port}/#token=${issueToken(lifetimeMs)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  if (res.headersSent) return;
  // After a refused body the connection is closed once the answer is out (Node ends it gracefully
  // after the last byte is written), so the client reads the 413 rather than a reset.
  if (status === 413) headers = { ...headers, Connection: 'close' };
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

/**
 * The request body, at most MAX_BODY_BYTES. A body announced as larger is refused before a byte is
 * read; a body sent without a length (chunked) is counted as it arrives and refused the moment it
 * passes the limit — the 413 goes out while the client may still be sending. What follows is read
 * and dropped (memory stays bounded) so the answer is not lost to a reset; a client that goes on
 * sending is cut off at four times the limit.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.pause();
      reject(new HttpError(413, 'Request too large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > 4 * MAX_BODY_BYTES) req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(new HttpError(413, 'Request too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!refused) reject(error);
    });
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON');
  }
}

/**
 * The request's path as a URL on this host. A raw path is only ever a path: "//x" would otherwise
 * read as another host ("protocol-relative"), and a path that cannot be parsed is a bad request.
 */
function requestUrl(raw: string | undefined, port: number): URL {
  const path = raw ?? '/';
  if (!path.startsWith('/')) throw new HttpError(400, 'Bad request path');
  try {
    return new URL(`http://127.0.0.1:${port}/${path.replace(/^\/+/, '')}`);
  } catch {
    throw new HttpError(400, 'Bad request path');
  }
}
