/**
 * Builds the jobs' adapters from the settings: Microsoft Graph (mail, meetings, mailbox) when the
 * transport is graph, otherwise the local files under DATA_DIR (outbox, inbox, teams) and a local
 * meeting link. The Teams publisher is the bot's when it passes one.
 */
import path from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { createGraphClient, type FetchLike } from '../graph/client';
import { graphCredential, tokenGetter } from '../graph/credential';
import { GraphMailboxReader } from '../graph/mailbox-reader';
import { GraphMailSender } from '../graph/mail-sender';
import { GraphMeetingProvider } from '../graph/meetings';
import { FileInbox } from '../mail/inbox';
import { LocalMeetingProvider } from '../mail/local-meetings';
import { FileOutbox } from '../mail/outbox';
import type { Notifier } from '../services/notifier';
import type { StorePorts } from '../services/ports';
import type { JobDeps, JobLogger } from './context';
import type { TeamsPublisher } from './ports';
import type { JobSettings } from './settings';
import { FileTeamsPublisher, noopTeamsPublisher } from './teams-publishers';

export const localFolders = (dataDir: string) => ({
  outbox: path.join(dataDir, 'outbox'),
  inbox: path.join(dataDir, 'inbox'),
  teams: path.join(dataDir, 'teams'),
});

export interface JobDepsOptions {
  settings: JobSettings;
  dataDir: string;
  store: JobDeps['store'] & Partial<Pick<StorePorts, 'ping'>>;
  log?: JobLogger;
  notifier?: Notifier;
  /** The bot's publisher; without it: files locally, nothing in Azure. */
  teams?: TeamsPublisher;
  /** Tests: another credential or fetch for Graph. */
  credential?: TokenCredential;
  fetch?: FetchLike;
}

export function createJobDeps(options: JobDepsOptions): JobDeps {
  const { settings } = options;
  const folders = localFolders(options.dataDir);
  const teams = options.teams ?? (settings.mode === 'local' ? new FileTeamsPublisher(folders.teams) : noopTeamsPublisher);
  const common = { store: options.store, settings, teams, ...(options.log && { log: options.log }), ...(options.notifier && { notifier: options.notifier }) };
  if (settings.transport === 'graph') {
    const api = createGraphClient({
      baseUrl: settings.graph.baseUrl,
      getToken: tokenGetter(options.credential ?? graphCredential(settings.graph)),
      ...(options.fetch && { fetch: options.fetch }),
    });
    return { ...common, mail: new GraphMailSender(api), meetings: new GraphMeetingProvider(api), mailbox: new GraphMailboxReader(api) };
  }
  return { ...common, mail: new FileOutbox(folders.outbox), meetings: new LocalMeetingProvider(), mailbox: new FileInbox(folders.inbox) };
}
