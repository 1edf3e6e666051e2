/** Acts out dossier copies written before copies carried the dossier's visits (no v0..vn columns). */
import { tableClients } from '../../../shared/store/connection';
import { testConnectionString } from '../../setup/test-store';

const isVisitColumn = (k: string) => /^v(\d+|n)$/.test(k);

/** Strips the visit columns from every dossier copy of the tables `prefix`; answers how many. */
export async function makeCopiesOld(prefix: string): Promise<number> {
  const index = tableClients({ connectionString: testConnectionString() })(prefix + 'dossierindex');
  let n = 0;
  for await (const e of index.listEntities<Record<string, unknown>>()) {
    if (e.vn === undefined) continue;
    const kept = Object.fromEntries(Object.entries(e).filter(([k]) => !isVisitColumn(k) && k !== 'etag' && k !== 'timestamp'));
    await index.updateEntity({ ...kept, partitionKey: String(e.partitionKey), rowKey: String(e.rowKey) }, 'Replace', { etag: e.etag });
    n++;
  }
  return n;
}

/** The raw copy entity (for checks on its columns). */
export async function rawCopy(prefix: string, partitionKey: string, rowKey: string): Promise<Record<string, unknown>> {
  return tableClients({ connectionString: testConnectionString() })(prefix + 'dossierindex').getEntity(partitionKey, rowKey);
}
