/** The storage contract against Azure Table storage (Azurite, started by jest's global setup). */
import { createTestStore } from '../setup/test-store';
import { describeStorageContract } from './storage-contract';

describeStorageContract('Azure Table storage (shared/store on Azurite)', () => createTestStore());
