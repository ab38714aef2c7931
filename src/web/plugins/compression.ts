// Compression of the responses that benefit from it: a day's roster is 100+ kB of repetitive HTML, fetched again on
// every live update by phones on venue Wi-Fi, and CSV, JSON and calendar files shrink as much. gzip only: every
// client that matters reads it, and one encoding keeps responses predictable. Server-sent event streams are
// hijacked replies written straight to the socket, so they are never buffered here (and text/event-stream is left
// out of the compressible types besides).
import fp from 'fastify-plugin';
import compress from '@fastify/compress';

const COMPRESSIBLE = /^(?:text\/(?:html|csv|calendar|plain|css|javascript)|application\/(?:json|javascript))(?:;|$)/;

export default fp(
  async (app) => {
    await app.register(compress, { global: true, encodings: ['gzip'], threshold: 1024, customTypes: COMPRESSIBLE });
  },
  { name: 'meetgrid-compression' },
);
