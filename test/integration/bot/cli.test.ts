/** `woonbegeleiding teams-agenda`: the CLI's function posts the month's agenda cards now (R13). */
import { teamsAgendaCommand } from '../../../bot/cli/post-agendas';
import { seedDemo } from '../../../shared/services/seed-demo';
import { createStore } from '../../../shared/store';
import { testConnectionString, testPrefix } from '../../setup/test-store';
import { cardText } from '../../unit/bot/card-validator';
import { ConnectorStub } from './connector-stub';
import { cardOf } from './harness';

describe('teams-agenda', () => {
  const prefix = testPrefix();
  const stub = new ConnectorStub();
  const saved = { ...process.env };

  beforeAll(async () => {
    await stub.start();
    process.env.TABLE_PREFIX = prefix;
    process.env.LOG_LEVEL = 'silent';
    const store = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });
    await seedDemo(store, '2025-11-20');
    await store.forLandlord('vivendo').conversations.save('19:overleg@thread.v2', () => ({
      conversationId: '19:overleg@thread.v2',
      kind: 'meeting',
      partnerId: 'de-vaart',
      reference: { serviceUrl: stub.serviceUrl, conversation: { id: '19:overleg@thread.v2' }, channelId: 'msteams' },
    }));
  });
  afterAll(async () => {
    process.env = saved;
    await stub.stop();
  });

  it('posts once per linked conversation, then updates', async () => {
    const lines: string[] = [];
    await teamsAgendaCommand(['--maand', '2025-11'], (l) => lines.push(l));
    expect(lines).toEqual(expect.arrayContaining(['Agenda van het structureel overleg van 2025-11 in Teams:', 'de-vaart: agenda geplaatst', 'woonkracht: geen gekoppeld Teams-gesprek']));
    expect(stub.posts()).toHaveLength(1);
    expect(cardText(cardOf(stub.posts()[0]?.body ?? {}))).toContain('Structureel overleg met Begeleidingsdienst De Vaart');

    const again: string[] = [];
    await teamsAgendaCommand(['--maand', '2025-11'], (l) => again.push(l));
    expect(again).toContain('de-vaart: agenda bijgewerkt (was al geplaatst)');
    expect(stub.posts()).toHaveLength(1);
    expect(stub.updates()).toHaveLength(1);
    expect(stub.violations).toEqual([]);
  });

  it('refuses a month that does not exist', async () => {
    await expect(teamsAgendaCommand(['--maand', '2025-13'], () => undefined)).rejects.toThrow('Ongeldige maand');
  });
});
