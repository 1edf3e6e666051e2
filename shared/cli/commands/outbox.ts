/**
 * `woonbegeleiding outbox [--json]`: the e-mail the product sent locally (DATA_DIR/outbox, .eml
 * files), newest first. With Microsoft Graph the mail is in the mailbox's Sent Items instead.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from '../../config';
import { jobMessages as msg } from '../../messages/jobs';
import { PROTOCOL_TIME_ZONE } from '../../rules/calendar';
import { localFolders } from '../../jobs';
import { FileOutbox } from '../../mail/outbox';
import { renderTable } from '../table';
import { jobSettingsForCli } from './jobs';

const when = (instant: string | undefined) =>
  instant ? DateTime.fromISO(instant, { setZone: true }).setZone(PROTOCOL_TIME_ZONE).toFormat('dd/MM/yyyy HH:mm') : '-';

export async function outboxCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
  const settings = jobSettingsForCli();
  const config = loadConfig();
  if (settings.transport === 'graph') {
    out(msg.outboxGraph(settings.mailboxOverride[config.LANDLORD_ID] ?? config.LANDLORD_ID));
    return;
  }
  const dir = localFolders(config.DATA_DIR).outbox;
  const entries = await new FileOutbox(dir).list();
  if (values.json) return out(JSON.stringify(entries, null, 2));
  if (entries.length === 0) return out(msg.outboxEmpty(dir));
  out(renderTable(msg.outboxHeader, entries.map((e) => [when(e.date), e.to.join(', '), e.subject, e.file])) + `\n${msg.outboxCount(entries.length, dir)}`);
}
