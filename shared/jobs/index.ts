/** The protocol calendar as jobs (DESIGN "Shape"): what shared/server/main.ts and the CLI use. */
export { runDueJobs, JOBS } from './run-due-jobs';
export { withSafetyMail, type SafetyMailNotifier } from './safety';
export { startScheduler, SCHEDULE, type Scheduler, type SchedulerOptions } from './scheduler';
export { createJobDeps, localFolders, type JobDepsOptions } from './compose';
export { loadJobSettings, DEFAULT_JOB_SETTINGS, JobSettingsError, type JobSettings } from './settings';
export { silentLogger, type JobDeps, type JobLogger, type JobReport, type ReportEntry } from './context';
export { noopTeamsPublisher, RecordingTeamsPublisher, FileTeamsPublisher, type TeamsPost } from './teams-publishers';
export { instantOf, parseMoment } from './time';
export type * from './ports';
