// The organizer's data pages of an event: set-up, participants, requests, CSV import and export.
import type { FastifyInstance } from 'fastify';
import importRoutes from './import.js';
import participantRoutes from './participants.js';
import requestRoutes from './requests.js';
import setupRoutes from './setup.js';

export default async function organizerData(app: FastifyInstance): Promise<void> {
  await app.register(importRoutes);
  await app.register(participantRoutes);
  await app.register(requestRoutes);
  await app.register(setupRoutes);
}
