import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/api/dispatch';
import { SECURITY_HEADERS } from '../core/security/csp';
import { readStaticFile } from '../core/security/staticFiles';
import {
  SESSION_COOKIE,
  TOKEN_HEADER,
  allowedHost,
  allowedOrigin,
  isLoopbackHost,
  randomSecret,
  readCookie,
  sameSecret,
} from './access';

/** Large enough for every contract input, including a 25 MB photo sent as base64. */
export const MAX_BODY_BYTES = 36 * 1024 * 1024;

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port: number;
  host?: string;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  url: string;
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
 * Serves the renderer and the contract over HTTP on loopback only. A random token printed in
 * the start-up URL is exchanged for an HttpOnly, SameSite=Strict cookie; every API call needs
 * that cookie, a Host header naming this server, and no foreign Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`Refusing to listen on ${host}: the web host only serves this computer.`);
  const token = options.token ?? randomSecret();
  const sessionSecret = randomSecret();
  let port = options.port;

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

    if (url.pathname === '/api/session') {
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      const given = req.headers[TOKEN_HEADER];
      if (!sameSecret(Array.isArray(given) ? given[0] : given, token)) throw new HttpError(401, 'Missing or wrong access token');
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/`);
      send(res, 204, {}, '');
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!sameSecret(readCookie(req, SESSION_COOKIE), sessionSecret)) throw new HttpError(401, 'Not signed in');
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'JSON expected');
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const input = parseJson(await readBody(req));
      const result = await options.dispatch(method, input);
      send(res, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, JSON.stringify(result));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) throw new HttpError(404, 'Not found');
    send(res, 200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' }, req.method === 'HEAD' ? '' : file.body);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
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
