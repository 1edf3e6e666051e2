/**
 * Dutch texts of the e-mails the product sends from the landlord's mailbox (R10, R13, R15, R16,
 * R-H). Values are filled in by shared/mail's renderers, which escape them for HTML; these texts
 * hold no markup.
 */
import { calendarMessages } from './calendar';
import { agendaMessages } from './agenda';
import { monthName, weekdayName } from './dates';

const date = calendarMessages.formatDate;


/** "donderdag 26 november 2026" (weekday: ISO 1 = Monday ... 7 = Sunday). */
const longDate = (iso: string, weekday: number): string => {
  const [y, m, d] = iso.split('-');
  return `${weekdayName(weekday)} ${Number(d)} ${monthName(Number(m))} ${y}`.trim();
};

export const mailMessages = {
  longDate,
  weekday: (weekday: number) => weekdayName(weekday),
  greeting: (partnerName: string) => `Beste collega's van ${partnerName},`,
  greetingPerson: 'Beste collega,',
  closing: 'Met vriendelijke groeten,',
  signature: (landlordName: string) => `${landlordName}, dienst Bewonerscontacten`,
  automatic: 'Deze e-mail werd automatisch verstuurd door de toepassing Woonbegeleiding.',
  referenceLine: (reference: string) => `Referentie: ${reference} (laat deze referentie in het onderwerp staan als je antwoordt).`,

  // R13: the invitation with the agenda
  invitationSubject: (meetingDate: string, reference: string) => `Uitnodiging structureel overleg woonbegeleiding van ${date(meetingDate)} ${reference}`,
  invitationIntro: (landlordName: string, when: string, start: string, end: string) =>
    `${landlordName} nodigt jullie uit voor het structureel overleg woonbegeleiding van ${when}, van ${start} tot ${end} uur.`,
  meetingMoved: (description: string) => `Let op: het overleg is ${description}.`,
  invitationMoved: (description: string) => `Deze uitnodiging is ${description}.`,
  whereTeams: 'Het overleg vindt plaats in Microsoft Teams. Deelnemen:',
  joinTeams: 'Deelnemen aan de Teams-vergadering',
  whereTeamsLinkFollows: 'Het overleg vindt plaats in Microsoft Teams; de link om deel te nemen volgt.',
  whereInPerson: (address: string) => `Het overleg vindt plaats op het kantoor van de verhuurder: ${address}.`,
  agendaTitle: 'Agenda',
  sectionTitle: {
    overview: `1. ${agendaMessages.section.overview}`,
    toDiscuss: `2. ${agendaMessages.section.toDiscuss}`,
    otherTrajectories: `3. ${agendaMessages.section.otherTrajectories}`,
    evaluatedWithoutDiscussion: agendaMessages.section.evaluatedWithoutDiscussion,
  },
  noneInSection: 'Geen.',
  nothingToDiscussYet: (lastDay: string) =>
    `Voorlopig staat er geen dossier op de lijst. Zonder te bespreken dossiers gaat het overleg niet door; je kan nog dossiers agenderen tot en met ${date(lastDay)}.`,
  overviewHeader: ['Dossier', 'Status', 'Start huur', 'Gepland einde', 'Mijlpalen op dit overleg'],
  dash: '-',
  milestone: {
    'evaluation-1m': 'evaluatie na 1 maand',
    'home-visit-3m': 'huisbezoek na 3 maanden',
    'evaluation-4m': 'evaluatie na 4 maanden',
    'evaluation-10m': 'evaluatie na 10 maanden',
    'final-evaluation': 'eindevaluatie',
  } as Record<string, string>,
  dueOn: (label: string, due: string) => `${label} (${date(due)})`,
  reasonSignal: (category: string, raisedAt: string) => `${agendaMessages.reason.signal}: ${category} (${date(raisedAt)})`,
  /** "Geagendeerd door de partner:" */
  reasonFlag: (by: string) => `${by.charAt(0).toUpperCase()}${by.slice(1)}:`,
  reasonExtension: (count: number) => `${agendaMessages.reason.extension} (${count} ${count === 1 ? 'verlenging' : 'verlengingen'})`,
  reasonVisit: (heldOn: string, parts: string) => `${agendaMessages.reason['visit-problems']} van ${date(heldOn)}${parts ? `: ${parts}` : ''}`,
  reasonDecisionPending: (on: string) => `${agendaMessages.reason['decision-pending']} (eindevaluatie van ${date(on)})`,
  evaluatedProvisional: 'Voorlopig: wordt een van deze dossiers nog geagendeerd, dan wordt het besproken.',
  evaluated: (number: string, milestone: string, positive: boolean) =>
    `${number}: ${milestone}${positive ? ` — ${agendaMessages.endsPositively}` : ''}`,
  // R15: how to flag
  howToFlagTitle: 'Een dossier agenderen',
  howToFlagDeadline: (lastDay: string, deadline: string) =>
    `Wil je een dossier bespreken? Agenderen kan tot en met ${date(lastDay)} (uiterlijk ${deadline}).`,
  howToFlagReply: 'Antwoord op deze e-mail met per regel het dossiernummer en kort het concrete probleem, bijvoorbeeld:',
  howToFlagExample: 'VT-2025-014: afspraken aan huis worden niet nagekomen',
  howToFlagAddin: 'Of agendeer het dossier met de invoegtoepassing Woonbegeleiding in Outlook, of in Teams.',
  howToFlagNoDiscussion: 'Staan er bij het verstrijken van die termijn geen dossiers op de lijst, dan gaat het overleg niet door; we laten het je dan weten.',

  // R15: the consultation is off
  cancellationSubject: (meetingDate: string, reference: string) => `Het structureel overleg van ${date(meetingDate)} gaat niet door ${reference}`,
  cancellationBody: (meetingDate: string) => agendaMessages.consultationCancelled(meetingDate),
  cancellationTeams: 'De Teams-vergadering van dat overleg vervalt.',
  cancellationNext: (nextMeeting: string, nextInvitation: string) =>
    `Het volgende structureel overleg is gepland op ${date(nextMeeting)}; de uitnodiging volgt op ${date(nextInvitation)}.`,

  // R16: conclusions for confirmation
  conclusionsSubject: (meetingDate: string, reference: string) => `Conclusies van het structureel overleg van ${date(meetingDate)}: ter bevestiging ${reference}`,
  conclusionsReminderSubject: (meetingDate: string, reference: string) =>
    `Herinnering: conclusies van het structureel overleg van ${date(meetingDate)} nog niet bevestigd ${reference}`,
  conclusionsIntro: (meetingDate: string) => `Hieronder vind je de conclusies van het structureel overleg van ${date(meetingDate)}.`,
  conclusionsReminderIntro: (sentOn: string) =>
    `Op ${date(sentOn)} bezorgden we je de conclusies van het structureel overleg hieronder. We ontvingen nog geen bevestiging.`,
  conclusionsHeader: ['Dossier', 'Conclusie', 'Beslissing'],
  decision: {
    none: 'geen wijziging',
    extend: (months: number, until?: string) => (until ? `verlenging met ${months} maanden, tot ${date(until)}` : `verlenging met ${months} maanden`),
    'start-contact-log': 'contacten aan huis worden voortaan bijgehouden',
    'plan-extra-visit': 'extra huisbezoek wordt gepland',
    'end-positively': 'traject wordt positief afgerond',
    stop: 'begeleiding wordt stopgezet',
  },
  conclusionsHowToConfirm:
    'Bevestig de conclusies in Teams, of antwoord op deze e-mail met je bevestiging of je opmerking: de dienst Bewonerscontacten verwerkt je antwoord. Tot dan blijven de conclusies "wachten op bevestiging".',

  // R9: a safety signal, to the landlord's own mailbox
  safetySubject: (number: string) => `Veiligheidssignaal voor dossier ${number}`,
  safetyGreeting: 'Beste collega\'s van de dienst Bewonerscontacten,',
  safetyBody: (partnerName: string, day: string, time: string, number: string) =>
    `${partnerName} meldde op ${date(day)} om ${time} uur een probleem dat de veiligheid van een partner in het traject in gevaar kan brengen (dossier ${number}).`,
  safetyWithoutConsent: 'De huurder gaf geen toestemming om informatie te delen; omdat het om veiligheid gaat, wordt het signaal toch doorgegeven. Dat staat zo in het auditlog.',
  safetyWhere: (number: string) =>
    `Wat er gebeurde, lees je in Teams, in het alarmkanaal van Woonbegeleiding en in het dossier: open het tabblad Dossiers, of typ in de persoonlijke chat met de bot: dossier ${number}. De beschrijving staat bewust niet in deze e-mail.`,

  // R10: an open information request
  informationReminderSubject: (number: string) => `Herinnering: vraag om informatie over dossier ${number}`,
  informationReminderBody: (askedOn: string, number: string) =>
    `Op ${date(askedOn)} vroeg de verhuurder informatie over het verloop van het traject van dossier ${number}. We ontvingen nog geen antwoord.`,
  informationReminderWhere: 'Je vindt de vraag en kan antwoorden in Teams of met de invoegtoepassing Woonbegeleiding in Outlook.',

  // Acknowledging a reply with dossier numbers (R15)
  replyAckSubject: (meetingDate: string, reference: string) => `Ontvangen: agendering voor het structureel overleg van ${date(meetingDate)} ${reference}`,
  replyAckIntro: (meetingDate: string) => `We verwerkten je antwoord voor het structureel overleg van ${date(meetingDate)}:`,
  replyAckFlagged: (number: string) => `${number}: staat op de agenda.`,
  replyAckAlready: (number: string) => `${number}: stond al op de agenda (de eerste omschrijving blijft staan).`,
  replyAckRefused: (number: string, reason: string) => `${number}: niet geagendeerd. ${reason}`,
  replyAckNoProblem: (number: string) =>
    `${number}: niet geagendeerd, want de omschrijving van het probleem ontbreekt. De dienst Bewonerscontacten neemt contact met je op.`,
  replyAckAmbiguous: (number: string) =>
    `${number}: niet geagendeerd: zet elk dossiernummer op een eigen regel, met kort het probleem. De dienst Bewonerscontacten neemt contact met je op.`,
  replyAckNotFound: (number: string) =>
    `${number}: dit dossiernummer vinden we niet bij jullie dossiers. De dienst Bewonerscontacten bekijkt je antwoord.`,
} as const;
