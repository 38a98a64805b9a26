// Request ids. Under Node, the id is chosen before Hono runs and set on the Node response directly:
// a header added through Hono (c.header) makes every response take @hono/node-server's slow path,
// which cost a quarter of the throughput of cheap routes. In-process calls (tests) get it through Hono.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from './deps.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const VALID = /^[\w.:-]{1,128}$/;
const REQUEST_ID = Symbol('dataml.requestId');

type Tagged = IncomingMessage & { [REQUEST_ID]?: string };

/** A client's own id is kept when it is reasonable, so that its logs and ours line up. */
function chooseId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && VALID.test(incoming) ? incoming : randomUUID();
}

/** Wraps a node:http listener: tags the request with its id and sets the response header. */
export function withRequestIds(listener: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const id = chooseId(req.headers['x-request-id']);
    (req as Tagged)[REQUEST_ID] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    return listener(req, res);
  };
}

/** Sets c.get('requestId') (and, for in-process calls, the response header). */
export function assignRequestId(c: Context<AppEnv>): void {
  const tagged = (c.env as { incoming?: Tagged } | undefined)?.incoming?.[REQUEST_ID];
  const id = tagged ?? chooseId(c.req.header('x-request-id'));
  c.set('requestId', id);
  if (!tagged) c.header(REQUEST_ID_HEADER, id);
}
