/**
 * storageRequestsPerBotTurn and storageRequestsPerFlag: the storage requests of one whole `agenda` turn
 * in a member's personal chat (identity, the activity's claim, the conversation, the agenda, until the
 * reply is posted and the turn answered) and of one whole `POST /api/flags` (until its answer), on a
 * server in this process so the store's own request counter sees them. Each is measured in steady
 * state: after a first turn (the conversation is known) and a first flag (the month's consultation
 * exists).
 */
import type { Store } from '../../shared/store';
import type { User } from '../../shared/rules/types';
import { personalActivity, startServiceUrl } from './bot-turns';
import { startApi } from './server';

export interface RequestCounts {
  storageRequestsPerBotTurn: number;
  storageRequestsPerFlag: number;
}

/** `watch(what)` is called as each measured step starts; the function it answers, as the step ends (the bench's trace). */
export async function countRequests(
  store: Store,
  member: User,
  dossierIds: readonly string[],
  month: string,
  watch: (what: string) => () => void = () => () => undefined,
): Promise<RequestCounts> {
  const api = await startApi({ store, withBot: true });
  const serviceUrl = await startServiceUrl();
  // The count when the server starts its answer: work after the answer (card refreshes) starts
  // later, but in this one process it may run before the client has read the answer.
  let atAnswer = 0;
  api.server.pre((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      atAnswer = store.requestCount();
      return writeHead.apply(this, args);
    } as typeof writeHead;
    return next();
  });
  try {
    const turn = async () => {
      const activity = { ...personalActivity(member, serviceUrl.url), type: 'message', text: 'agenda' };
      const reply = serviceUrl.waitForReply(activity.id);
      const response = await fetch(`${api.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      if (response.status >= 300) throw new Error(`agenda turn: ${response.status}`);
      await reply;
    };
    await turn();
    await api.flush();
    let done = watch('agenda turn');
    let before = store.requestCount();
    await turn();
    const storageRequestsPerBotTurn = atAnswer - before;
    done();

    const token = await api.token(member);
    const flag = async (dossierId: string) => {
      const response = await fetch(`${api.url}/api/flags`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ partnerId: member.partnerId, month, dossierId, problem: 'Huur niet betaald sinds twee maanden' }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`flag: ${response.status}`);
    };
    const [first, second] = dossierIds;
    if (!first || !second) throw new Error('two dossiers needed');
    await api.flush();
    await flag(first);
    await api.flush();
    done = watch('POST /api/flags');
    before = store.requestCount();
    await flag(second);
    const storageRequestsPerFlag = atAnswer - before;
    done();
    return { storageRequestsPerBotTurn, storageRequestsPerFlag };
  } finally {
    await serviceUrl.close();
    await api.close();
  }
}
