/**
 * TeamsPublisher implementations outside the bot: a no-op, a recording one for tests, and a file one
 * for local use (DATA_DIR/teams, one JSON file per key, written once) until the bot's is passed in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileNameForKey, filesIn, writeOnce } from '../mail/files';
import type { AgendaCardMessage, ConsultationOffMessage, CoordinatorAlertMessage, CoordinatorReminderMessage, TeamsDelivery, TeamsPublisher } from './ports';

interface MessageOf {
  publishAgenda: AgendaCardMessage;
  consultationOff: ConsultationOffMessage;
  remindCoordinator: CoordinatorReminderMessage;
  alertCoordinator: CoordinatorAlertMessage;
}

export type TeamsPost =
  | { type: 'publishAgenda'; message: AgendaCardMessage }
  | { type: 'consultationOff'; message: ConsultationOffMessage }
  | { type: 'remindCoordinator'; message: CoordinatorReminderMessage }
  | { type: 'alertCoordinator'; message: CoordinatorAlertMessage };

/** Posts nowhere: delivered false. */
export const noopTeamsPublisher: TeamsPublisher = {
  publishAgenda: async () => ({ delivered: false }),
  consultationOff: async () => ({ delivered: false }),
  remindCoordinator: async () => ({ delivered: false }),
  alertCoordinator: async () => ({ delivered: false }),
};

/** Keeps every post in order, for tests; `failWith` makes the next calls throw after recording. */
export class RecordingTeamsPublisher implements TeamsPublisher {
  readonly posts: TeamsPost[] = [];
  failWith?: Error;

  private record(post: TeamsPost): Promise<TeamsDelivery> {
    this.posts.push(post);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve({ delivered: true });
  }

  of<K extends keyof MessageOf>(type: K): MessageOf[K][] {
    return this.posts.filter((p) => p.type === type).map((p) => p.message as MessageOf[K]);
  }

  publishAgenda = (message: AgendaCardMessage) => this.record({ type: 'publishAgenda', message });
  consultationOff = (message: ConsultationOffMessage) => this.record({ type: 'consultationOff', message });
  remindCoordinator = (message: CoordinatorReminderMessage) => this.record({ type: 'remindCoordinator', message });
  alertCoordinator = (message: CoordinatorAlertMessage) => this.record({ type: 'alertCoordinator', message });
}

/** Local stand-in for Teams: what would be posted, as JSON files (at most one per key). */
export class FileTeamsPublisher implements TeamsPublisher {
  constructor(readonly dir: string) {}

  private async write(post: TeamsPost): Promise<TeamsDelivery> {
    await writeOnce(path.join(this.dir, fileNameForKey(post.message.key, 'json')), JSON.stringify(post, null, 2) + '\n');
    return { delivered: true };
  }

  async list(): Promise<TeamsPost[]> {
    const files = await filesIn(this.dir, 'json');
    return Promise.all(files.map(async (f) => JSON.parse(await fs.readFile(path.join(this.dir, f), 'utf8')) as TeamsPost));
  }

  publishAgenda = (message: AgendaCardMessage) => this.write({ type: 'publishAgenda', message });
  consultationOff = (message: ConsultationOffMessage) => this.write({ type: 'consultationOff', message });
  remindCoordinator = (message: CoordinatorReminderMessage) => this.write({ type: 'remindCoordinator', message });
  alertCoordinator = (message: CoordinatorAlertMessage) => this.write({ type: 'alertCoordinator', message });
}
