/** What the composition root (shared/server/main.ts) hands to each surface when it registers its routes. */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Notifier } from '../services/notifier';
import type { StorePorts } from '../services/ports';

export interface AppDeps {
  config: Config;
  logger: Logger;
  store: StorePorts;
  /** The moment of a request: the only clock of the process ("time is an input" below this). */
  clock: () => Date;
}

export interface SurfaceDeps extends AppDeps {
  /** Reaches Teams (cards, alerts) from any surface: a flag from Outlook updates the Teams card. */
  notifier: Notifier;
}
