/**
 * `/api/manager/csat-settings` and `/api/manager/operating-hours`: the channel's survey rule and
 * the hours its filter uses. Registered inside the manager routes, so the manager token is
 * checked first. Both answer with the whole object as it now stands.
 */
import type { FastifyInstance } from 'fastify';
import {
  changeCsatSettings,
  readCsatSettings,
  readOperatingHours,
  replaceOperatingHours,
} from '../domain/csatSettings.ts';
import type { Store } from '../store/Store.ts';
import { parseOperatingHours } from './csatBodies.ts';

export function registerCsatSettingsRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/csat-settings', () => readCsatSettings(store, channelId));
  // Any subset of the rule; the shared mergeCsatSettings checks it and keeps what is left out.
  app.put('/csat-settings', (request) => changeCsatSettings(store, channelId, request.body));
  app.get('/operating-hours', () => readOperatingHours(store, channelId));
  app.put('/operating-hours', (request) =>
    replaceOperatingHours(store, channelId, parseOperatingHours(request.body)),
  );
}
