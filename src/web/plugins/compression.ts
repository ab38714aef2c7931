// Compression of every text response through @fastify/compress. A day's roster is 100+ kB of repetitive HTML,
// fetched again on every live update by phones on venue Wi-Fi, and the timetable and exports are larger still.
// gzip and deflate only: brotli at its default quality costs far more CPU per page than it saves on the wire, for
// pages built per request. Server-sent events are never compressed (the plugin's default types leave
// text/event-stream out, and the streams write to the raw response).
import fp from 'fastify-plugin';
import compress from '@fastify/compress';

/** Smaller bodies gain nothing worth a compression pass. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export default fp(
  async (app) => {
    await app.register(compress, { encodings: ['gzip', 'deflate'], threshold: COMPRESSION_THRESHOLD_BYTES });
  },
  { name: 'compression' },
);
