/**
 * One partner's consultation of one month and its flags share a partition of `consultations`
 * (PK `<landlord>|<partner>|<month>`, rows `consultation` and `flag|<dossier>`): the agenda reads
 * them in one query, and a status change plus flags commit in one transaction.
 */
import { odata, type TransactionAction } from '@azure/data-tables';
import { DomainError } from '../rules/errors';
import type { Consultation, Flag, YearMonth } from '../rules/types';
import type { ConsultationRepository, ConsultationWork, FlagRepository, Mutate } from '../services/ports';
import { storeMessages } from '../messages/store';
import { encode, fromChunks, revOf, type StoredEntity } from './codec';
import { assertMonth, encodePart, joinKey, rangeEnd } from './keys';
import { Records } from './records';
import { withRetry } from './table';
import type { StoreContext } from './context';

const CONSULTATION_ROW = 'consultation';
const flagRow = (dossierId: string) => joinKey('flag', encodePart(dossierId));

export class ConsultationStore {
  private readonly records: Records<Consultation>;

  constructor(
    private readonly ctx: StoreContext,
    private readonly landlordId: string,
  ) {
    this.records = new Records(ctx, ctx.tables.consultations, storeMessages.notFound.consultation, storeMessages.exists.consultation);
  }

  private get table() {
    return this.ctx.tables.consultations;
  }

  private partnerPrefix(partnerId: string): string {
    return joinKey(encodePart(this.landlordId), encodePart(partnerId));
  }

  pk(partnerId: string, month: YearMonth): string {
    return joinKey(this.partnerPrefix(partnerId), assertMonth(month));
  }

  readonly consultations: ConsultationRepository = {
    get: (partnerId, month) => this.records.get(this.pk(partnerId, month), CONSULTATION_ROW),
    getWithFlags: async (partnerId, month) => {
      const { consultation, flags } = this.split(await this.readPartition(partnerId, month));
      return { ...(consultation && { consultation: fromChunks<Consultation>(consultation) }), flags: flags.map((e) => fromChunks<Flag>(e)) };
    },
    create: (c) => this.records.create(this.pk(c.partnerId, c.month), CONSULTATION_ROW, c),
    update: (partnerId, month, mutate: Mutate<Consultation>) =>
      this.records.update(this.pk(partnerId, month), CONSULTATION_ROW, (cur) => this.same(cur, mutate(cur))),
    listByPartner: async (partnerId, options = {}) => {
      const prefix = this.partnerPrefix(partnerId);
      // One partner's partitions are contiguous: a key range, not a scan of other partners.
      const from = options.from ? joinKey(prefix, assertMonth(options.from)) : prefix + '|';
      const to = options.to ? joinKey(prefix, assertMonth(options.to)) + '|' : rangeEnd(prefix);
      const rows = await this.table.query(
        odata`PartitionKey ge ${from} and PartitionKey lt ${to} and RowKey eq ${CONSULTATION_ROW}`,
      );
      return rows.map((e) => fromChunks<Consultation>(e)).sort((a, b) => a.month.localeCompare(b.month));
    },
  };

  readonly flags: FlagRepository = {
    create: (flag) =>
      this.inConsultation(flag.partnerId, flag.month, (w) => {
        const current = w.flags.find((f) => f.dossierId === flag.dossierId);
        if (current && !current.withdrawnAt) throw new DomainError('conflict', storeMessages.alreadyFlagged);
        w.putFlag(flag);
        return flag;
      }),
    get: async (partnerId, month, dossierId) => {
      const e = await this.table.get(this.pk(partnerId, month), flagRow(dossierId));
      return e && fromChunks<Flag>(e);
    },
    withdraw: (partnerId, month, dossierId, at) =>
      this.inConsultation(partnerId, month, (w) => {
        const current = w.flags.find((f) => f.dossierId === dossierId);
        if (!current || current.withdrawnAt) throw new DomainError('not-found', storeMessages.notFound.flag);
        const next = { ...current, withdrawnAt: at };
        w.putFlag(next);
        return next;
      }),
    list: async (partnerId, month, options = {}) => {
      const pk = this.pk(partnerId, month);
      const rows = await this.table.query(odata`PartitionKey eq ${pk} and RowKey ge ${'flag|'} and RowKey lt ${rangeEnd('flag')}`);
      const flags = rows.map((e) => fromChunks<Flag>(e));
      return options.includeWithdrawn ? flags : flags.filter((f) => !f.withdrawnAt);
    },
  };

  private same(cur: Consultation, next: Consultation): Consultation {
    if (next.partnerId !== cur.partnerId || next.month !== cur.month) throw new Error('partner and month are immutable');
    return next;
  }

  private readPartition(partnerId: string, month: YearMonth): Promise<StoredEntity[]> {
    const pk = this.pk(partnerId, month);
    return this.table.query(odata`PartitionKey eq ${pk}`);
  }

  private split(rows: StoredEntity[]) {
    return {
      consultation: rows.find((e) => e.rowKey === CONSULTATION_ROW),
      flags: rows.filter((e) => e.rowKey.startsWith('flag|')),
    };
  }

  /** Read the partition, let `work` stage writes, commit them with the ETags read; again on a clash. */
  inConsultation<T>(partnerId: string, month: YearMonth, work: (w: ConsultationWork) => T | Promise<T>): Promise<T> {
    const pk = this.pk(partnerId, month);
    return withRetry(this.ctx.retry, this.ctx.log, 'consultation.work', async () => {
      const { consultation, flags } = this.split(await this.readPartition(partnerId, month));
      const writes = new Map<string, TransactionAction>();
      const stage = (rowKey: string, read: StoredEntity | undefined, value: unknown) => {
        const entity = encode(pk, rowKey, value, { rev: revOf(read) + 1 });
        writes.set(rowKey, read ? ['update', entity, 'Replace', { etag: read.etag }] : ['create', entity]);
      };
      const w: ConsultationWork = {
        consultation: consultation && fromChunks<Consultation>(consultation),
        flags: flags.map((e) => fromChunks<Flag>(e)),
        setConsultation: (next) => {
          if (next.partnerId !== partnerId || next.month !== month) throw new Error('consultation of another partition');
          stage(CONSULTATION_ROW, consultation, next);
        },
        putFlag: (flag) => {
          if (flag.partnerId !== partnerId || flag.month !== month) throw new Error('flag of another partition');
          const rowKey = flagRow(flag.dossierId);
          stage(rowKey, flags.find((e) => e.rowKey === rowKey), flag);
        },
      };
      const result = await work(w);
      await this.table.submit([...writes.values()]);
      return result;
    });
  }
}
