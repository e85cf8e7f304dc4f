/**
 * Long-lived connections and RPC servers whose handlers receive client data.
 * @grpc/grpc-js (https://grpc.github.io/grpc/node/grpc.Server.html#addService): every method of the
 * implementation object passed to `server.addService(service, impl)` gets the call first: `call.request` is
 * the client's message, `call.metadata` its headers, and a client stream emits messages as `data`.
 * ws (https://github.com/websockets/ws/blob/master/doc/ws.md#event-connection): a server's `connection`
 * listener gets the socket and the upgrade request; the socket's `message` listener gets what the client sent.
 * socket.io (https://socket.io/docs/v4/listening-to-events/): the `connection` listener gets a socket whose
 * listeners of any event the client emits get its arguments; `socket.handshake` holds the connection's query,
 * auth payload and headers. xmlrpc (https://github.com/baalexander/node-xmlrpc#to-use): a server emits each
 * method call as an event named by the method, its listener getting `(error, params, callback)` (and
 * `NotFound` gets `(method, params)`): `params`, the list of the call's values, is the client's.
 * Client calls (`client.sayHello(...)`, `new WebSocket(url).on('message')`) are not
 * servers and receive nothing here.
 */
import type { LibraryModel } from '../concepts.js';
import type { RequestShape } from './request-shape.js';

const GRPC_METHODS = { concept: 'request-handler', request: 'grpc-call', parameter: 0, argument: 1, members: true } as const;

export const grpcSources: LibraryModel = {
  name: 'grpc',
  modules: ['@grpc/grpc-js', 'grpc'],
  docs: 'https://grpc.io/docs/languages/node/basics/#implementing-routeguide',
  rows: [
    { ...GRPC_METHODS, path: 'Server().addService' },
    { concept: 'request-type', path: '{ServerUnaryCall,ServerReadableStream,ServerWritableStream,ServerDuplexStream}()', request: 'grpc-call' },
  ],
};

export const grpcCall: RequestShape = {
  id: 'grpc-call',
  inputs: [
    { paths: ['request'], kind: 'body' },
    { paths: ['metadata.{get,getMap}()'], kind: 'header' },
    { paths: ['{on,once}()'], kind: 'body', callbackEvent: 'data' },
  ],
};

const WS_CONNECTION = { concept: 'request-handler', argument: 1, event: 'connection' } as const;

export const wsSources: LibraryModel = {
  name: 'ws',
  modules: ['ws'],
  docs: 'https://github.com/websockets/ws/blob/master/doc/ws.md#class-websocketserver',
  rows: [
    { ...WS_CONNECTION, path: '{WebSocketServer,Server}().{on,once}', request: 'ws-socket', parameter: 0 },
    // The listener's second argument is the HTTP upgrade request (its URL and headers).
    { ...WS_CONNECTION, path: '{WebSocketServer,Server}().{on,once}', request: 'node-request', parameter: 1 },
  ],
};

export const wsSocket: RequestShape = {
  id: 'ws-socket',
  inputs: [{ paths: ['{on,once,addListener}()'], kind: 'message', callbackEvent: 'message' }],
};

const IO_CONNECTION = { concept: 'request-handler', request: 'socketio-socket', parameter: 0, argument: 1, event: 'connection' } as const;

export const socketIoSources: LibraryModel = {
  name: 'socket.io',
  modules: ['socket.io'],
  docs: 'https://socket.io/docs/v4/server-api/#event-connection',
  rows: [
    // `new Server(http)` and the factory `require('socket.io')(http)`; a namespace (`io.of('/chat')`, `io.sockets`).
    ...['Server()', '()'].flatMap((server) => [
      { ...IO_CONNECTION, path: `${server}.{on,once}` },
      { ...IO_CONNECTION, path: `${server}.of().{on,once}` },
      { ...IO_CONNECTION, path: `${server}.sockets.{on,once}` },
    ]),
    { concept: 'request-type', path: 'Socket()', request: 'socketio-socket' },
  ],
};

/** Events socket.io itself emits on a server socket: their listeners get a reason or an error, not client data. */
export const SOCKET_IO_RESERVED_EVENTS: readonly string[] = ['disconnect', 'disconnecting', 'error', 'newListener', 'removeListener'];

export const socketIoSocket: RequestShape = {
  id: 'socketio-socket',
  inputs: [
    { paths: ['{on,once}()'], kind: 'message', callbackEvent: '*', reservedEvents: SOCKET_IO_RESERVED_EVENTS },
    { paths: ['handshake.query'], kind: 'query' },
    { paths: ['handshake.auth'], kind: 'body' },
    { paths: ['handshake.headers'], kind: 'header' },
    { paths: ['handshake.url'], kind: 'url' },
  ],
};

export const xmlrpcSources: LibraryModel = {
  name: 'xmlrpc',
  modules: ['xmlrpc'],
  docs: 'https://github.com/baalexander/node-xmlrpc#to-use',
  rows: [{ concept: 'request-handler', path: '{createServer,createSecureServer}().{on,once}', request: 'xmlrpc-params', parameter: 1, argument: 1 }],
};

/** Every value of an XML-RPC call's parameter list (`params[0]`, `params.toString()`) is the client's. */
export const xmlrpcParams: RequestShape = {
  id: 'xmlrpc-params',
  whole: true,
  inputs: [{ paths: ['**'], kind: 'body' }],
};
