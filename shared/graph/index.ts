/** Microsoft Graph adapters of the jobs' ports: mail, Teams meetings, the landlord's mailbox. */
export { createGraphClient, GraphCallError, type FetchLike, type GraphApi, type GraphClientOptions } from './client';
export { graphCredential, tokenGetter, GRAPH_SCOPE } from './credential';
export { GraphMailSender, KEY_PROPERTY_ID, sendMailBody, trackingIdFor } from './mail-sender';
export { GraphMeetingProvider } from './meetings';
export { GraphMailboxReader } from './mailbox-reader';
