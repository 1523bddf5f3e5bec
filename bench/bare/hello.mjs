// The baseline of `npm run bench:start`: a bare node:http server, started with plain `node` like the app.
import http from 'node:http';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('ok\n');
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('bare running'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
