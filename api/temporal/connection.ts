// The API's connection to Temporal, bounded in time: while Temporal is down a request gets its 503
// within about a second instead of after the SDK's default ten retries (20 s), and a Temporal that
// hangs cannot hold a request for more than TEMPORAL_CALL_DEADLINE_MS.
import { Connection, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

/** Longest a unary call may take, retries included (a workflow start takes milliseconds). */
export const TEMPORAL_CALL_DEADLINE_MS = 5000;
/**
 * Longest a workflow query may take: the server hands it to a worker, and a status page should not wait on a
 * worker that is away (it answers without the live progress instead).
 */
export const TEMPORAL_QUERY_DEADLINE_MS = 3000;

type Interceptor = NonNullable<ConnectionOptions['interceptors']>[number];

// Long polls wait on the server by design (a workflow's result, an update's outcome): no deadline of ours.
const LONG_POLLS =
  /\/(GetWorkflowExecutionHistory|PollWorkflowExecutionUpdate|UpdateWorkflowExecution|UpdateWithStartWorkflowExecution|Poll\w+TaskQueue)$/;

/** Gives every unary call a deadline unless it has one; the retry interceptor inside it keeps that deadline. */
// (nextCall's result is an InterceptingCall at run time; its declared interface is narrower.)
const deadlineInterceptor: Interceptor = (options, nextCall) => {
  const path = options.method_definition.path;
  if (options.deadline !== undefined || LONG_POLLS.test(path)) return nextCall(options) as ReturnType<Interceptor>;
  const ms = path.endsWith('/QueryWorkflow') ? TEMPORAL_QUERY_DEADLINE_MS : TEMPORAL_CALL_DEADLINE_MS;
  return nextCall({ ...options, deadline: Date.now() + ms }) as ReturnType<Interceptor>;
};

// UNAVAILABLE is retried three times within ~0.7 s (a server restarting, a connection being replaced),
// then reported: the API answers 503 and the client retries after Retry-After.
const retryInterceptor = makeGrpcRetryInterceptor({
  delayFunction: (attempt) => Math.min(400, 100 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4),
  retryableDecider: (attempt, status) => attempt < 4 && (status.code === 14 /* UNAVAILABLE */ || status.code === 10) /* ABORTED */,
});

export function temporalConnectionOptions(address: string): ConnectionOptions {
  return {
    address,
    connectTimeout: 2000,
    interceptors: [deadlineInterceptor, retryInterceptor],
    channelArgs: {
      // gRPC's reconnect backoff grows to 2 min by default: after a long outage the API would keep answering
      // 503 long after Temporal is back. Bounded to a few seconds.
      'grpc.initial_reconnect_backoff_ms': 500,
      'grpc.max_reconnect_backoff_ms': 3000,
    },
  };
}

/**
 * A connection that does not need Temporal to be up: the API starts and serves everything else while it
 * is down (readiness says so), and connects on first use.
 */
export function lazyTemporalConnection(address: string): Connection {
  return withSynchronousCallContext(Connection.lazy(temporalConnectionOptions(address)));
}

type CallContextStorage = Connection['callContextStorage'];
type CallContext = NonNullable<ReturnType<CallContextStorage['getStore']>>;

/**
 * Scopes the connection's call context (the SDK's own `temporal-namespace` header on every workflow-service call,
 * and `withDeadline` & co.) to the synchronous part of the scope instead of an AsyncLocalStorage.
 *
 * Why: on Node 20 the first AsyncLocalStorage.run() turns async hooks on for the whole process, and the SDK runs
 * one around every call that names a namespace, so the first workflow start left every promise of every later
 * request paying for context propagation: about a tenth of a real-time prediction's CPU, and the health check
 * 37k -> 47k req/s without it. The context is read when the call is made (the SDK's RPC implementation calls
 * getStore() synchronously from the service method), and every scope the SDK opens makes its call synchronously
 * inside it, so a synchronous scope carries the same metadata. A scope of our own that awaits before its call
 * would lose its context: the API opens none (per-method deadlines are set by the interceptor above instead).
 */
export function withSynchronousCallContext(connection: Connection): Connection {
  const storage = connection.callContextStorage;
  let current: CallContext | undefined;
  storage.disable();
  storage.getStore = () => current;
  storage.run = <R, TArgs extends unknown[]>(store: CallContext, fn: (...args: TArgs) => R, ...args: TArgs): R => {
    const outer = current;
    current = store;
    try {
      return fn(...args);
    } finally {
      current = outer;
    }
  };
  storage.enterWith = (store: CallContext) => {
    current = store;
  };
  return connection;
}
