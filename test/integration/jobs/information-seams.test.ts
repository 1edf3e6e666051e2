/**
 * R10 at the seams, through the jobs: an open information request follows a transferred dossier and is
 * reminded to the organisation that took it over (R6); one that lapsed when consent was withdrawn is
 * not reminded at all (R7).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileNameForKey } from '../../../shared/mail/files';
import { parseMime } from '../../../shared/mail/mime';
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import { addDays } from '../../../shared/rules/dates';
import type { Dossier } from '../../../shared/rules/types';
import { acceptTransfer } from '../../../shared/services/accept-transfer';
import { requestInformation } from '../../../shared/services/request-information';
import { requestTransfer } from '../../../shared/services/request-transfer';
import { withdrawConsent } from '../../../shared/services/withdraw-consent';
import { at, coordinator, createJobsWorld, deVaartMember, DEMO, woonkrachtMember, type Instance, type JobsWorld } from './jobs-world';

const open = DEMO.dossiers.filter((d) => d.supportingPartnerId === 'de-vaart' && d.registeringPartnerId === 'de-vaart' && d.status === 'active' && d.transfers.length === 0);
const [moving, lapsing] = open as [Dossier, Dossier];

let world: JobsWorld;
let jobs: Instance;
beforeAll(async () => {
  world = await createJobsWorld();
  jobs = world.instance();
}, 300_000);

it('R6, R10: the request follows the dossier to Woonkracht, which is reminded once, 5 working days after the handover; R7: a lapsed request is not reminded', async () => {
  const asked = await requestInformation(world.ctx(coordinator, at('2026-11-02T10:00')), { dossierId: moving.id, question: 'Hoe verloopt het?' });
  const lapsed = await requestInformation(world.ctx(coordinator, at('2026-11-02T10:05')), { dossierId: lapsing.id, question: 'En hier?' });
  await withdrawConsent(world.ctx(coordinator, at('2026-11-03T09:00')), { dossierId: lapsing.id });
  await requestTransfer(world.ctx(deVaartMember, at('2026-11-04T09:00')), { dossierId: moving.id, toPartnerId: 'woonkracht', reason: 'Geen begeleider vrij' });
  await acceptTransfer(world.ctx(woonkrachtMember, at('2026-11-05T09:00')), { dossierId: moving.id });

  const sentOn = new Map<string, string>();
  for (let day = '2026-11-02'; day <= '2026-11-20'; day = addDays(day, 1)) {
    await runDueJobs(jobs.deps, at(`${day}T08:00`));
    for (const key of jobs.sends) if (!sentOn.has(key)) sentOn.set(key, day);
  }
  const reminders = [...sentOn].filter(([key]) => key.startsWith('mail|information-reminder|'));
  const about = (requestId: string) => reminders.filter(([key]) => key.includes(`|${requestId}`));
  // Asked on Mon 02/11, De Vaart would have been reminded on 09/11; handed over on Thu 05/11, Woonkracht
  // counts from then: 06, 09, 10, 12, 13/11 (11/11 is Armistice Day), so on Fri 13/11.
  expect(about(asked.request.id)).toEqual([[expect.stringMatching(/\|woonkracht$/), '2026-11-13']]);
  expect(about(lapsed.request.id)).toEqual([]);
  const mail = parseMime(readFileSync(path.join(world.outbox.dir, fileNameForKey(about(asked.request.id)[0]?.[0] as string, 'eml'))));
  expect(mail.header('to')?.toLowerCase()).toContain((woonkrachtMember.email as string).toLowerCase());
  expect(mail.header('to')?.toLowerCase()).not.toContain((deVaartMember.email as string).toLowerCase());
}, 120_000);
