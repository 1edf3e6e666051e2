/** The Dutch message catalogue, gathered: `nl.calendar.moved(...)`, `nl.access.dossierNotFound`, ... */
import { accessMessages } from './access';
import { addinMessages } from './addin';
import { agendaMessages } from './agenda';
import { botMessages } from './bot';
import { calendarMessages } from './calendar';
import { cliMessages } from './cli';
import { contactLetterMessages } from './contact-letter';
import { importMessages } from './import';
import { informationMessages } from './information';
import { jobMessages } from './jobs';
import { mailMessages } from './mail';
import { privacyMessages } from './privacy';
import { trajectoryTimingMessages } from './milestones';
import { serverMessages } from './server';
import { serviceMessages } from './services';
import { storeMessages } from './store';
import { tabMessages } from './tab';
import { trajectoryMessages } from './trajectory';

export const nl = {
  access: accessMessages,
  addin: addinMessages,
  agenda: agendaMessages,
  bot: botMessages,
  calendar: calendarMessages,
  cli: cliMessages,
  contactLetter: contactLetterMessages,
  import: importMessages,
  information: informationMessages,
  jobs: jobMessages,
  mail: mailMessages,
  privacy: privacyMessages,
  milestones: trajectoryTimingMessages,
  server: serverMessages,
  services: serviceMessages,
  store: storeMessages,
  tab: tabMessages,
  trajectory: trajectoryMessages,
} as const;
