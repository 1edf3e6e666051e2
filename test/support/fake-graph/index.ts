/** The local fake of Microsoft Graph for tests: see server.ts. */
export { FakeGraph, type FakeGraphOptions, type InboxItem, type RecordedRequest, type SentItem } from './server';
export { httpsFetch } from './https-fetch';
export { selfSignedCertificate, type TestCertificate } from './cert';
