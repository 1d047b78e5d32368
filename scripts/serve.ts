/**
 * `npm start`: builds the web simulator (static files in dist/web/) and serves them on 127.0.0.1,
 * printing the address. PORT=… picks another port (0 = any free one). Ctrl-C stops it.
 */
import { build, preview } from 'vite';

const port = process.env.PORT === undefined ? 4173 : Number(process.env.PORT);

await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`wushe web simulator: ${address}`);
console.log('(static build in dist/web/, works offline from any static file host; Ctrl-C to stop)');

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
