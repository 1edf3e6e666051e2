/** The Dutch message catalogue, gathered: `nl.calendar.moved(...)`, `nl.access.dossierNotFound`, ... */
import { accessMessages } from './access';
import { addinMessages } from './addin';
import { agendaMessages } from './agenda';
import { calendarMessages } from './calendar';
import { cliMessages } from './cli';
import { informationMessages } from './information';
import { trajectoryTimingMessages } from './milestones';
import { serverMessages } from './server';
import { serviceMessages } from './services';
import { storeMessages } from './store';
import { trajectoryMessages } from './trajectory';

export const nl = {
  access: accessMessages,
  addin: addinMessages,
  agenda: agendaMessages,
  calendar: calendarMessages,
  cli: cliMessages,
  information: informationMessages,
  milestones: trajectoryTimingMessages,
  server: serverMessages,
  services: serviceMessages,
  store: storeMessages,
  trajectory: trajectoryMessages,
} as const;
