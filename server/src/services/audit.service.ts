import { AuditEntry } from '../entities';
import { Role } from '../entities/enums';
import { encodeCursor, listFingerprint, pageOf, type Connection, type PageArgs } from './pagination';
import type { ScopedDb } from './scoped-db';

export interface AuditFilter {
  entity?: string | null;
  entityId?: number | null;
  userId?: number | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Reads the audit log (append-only: nothing here, or anywhere, edits it). */
export class AuditService {
  constructor(private readonly db: ScopedDb) {}

  /** The district's audit log, newest first, keyset-paginated. */
  async list(filter: AuditFilter | null | undefined, page: PageArgs): Promise<Connection<AuditEntry>> {
    const list = listFingerprint({ audit: filter ?? null });
    const { limit, after } = pageOf(page, list);
    const m = await this.db.manager();
    const qb = m.getRepository(AuditEntry).createQueryBuilder('a').where('a.district_id = :d', { d: this.db.scope.districtId });
    // Rows about users (logins, roles) are the ADMIN's alone, as the users themselves are.
    if (this.db.viewer?.role !== Role.ADMIN) qb.andWhere(`a.entity <> 'app_user'`);
    if (filter?.entity) qb.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter?.entityId != null) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter?.userId != null) qb.andWhere('a.user_id = :userId', { userId: filter.userId });
    if (filter?.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter?.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('a.at < :to', { to: filter.to });
    const totalCount = await qb.clone().getCount();
    if (after) qb.andWhere('a.id < :afterId', { afterId: after.id });
    const rows = await qb.orderBy('a.id', 'DESC').limit(limit + 1).getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor({ sort: null, id: Number(node.id), list }), node, distanceMeters: null }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }
}
