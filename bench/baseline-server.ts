// The baseline for HTTP benchmarks: a bare node:http server answering the same JSON as the health check.
import { createServer } from 'node:http';

const body = JSON.stringify({ status: 'ok', message: 'Service is healthy.' });
const port = Number(process.argv[2] ?? 18999);
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(port, '127.0.0.1', () => process.send?.('ready'));
