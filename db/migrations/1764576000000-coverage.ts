import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage of every residential group, kept current by the database (issue: coverage analytics).
 *
 * A point is covered when it lies in the view sector of at least one ACTIVE camera. For each group:
 *   covered = group ∩ union(active sectors that intersect the group)
 *   gap     = group − union(the same sectors)
 * Areas are in square metres on the spheroid (ST_Area on geography). Only the sectors that touch a
 * group take part in its union, so a group costs the same whatever the size of the district.
 *
 * A change to a camera (insert, move, turn, new range or view, status) refreshes, in the same
 * transaction, only the groups its old and new sectors (and old and new locations) touch. Bulk loads
 * set `ww.coverage_deferred = on` for their transaction and call ww_refresh_coverage afterwards.
 */
export class Coverage1764576000000 implements MigrationInterface {
  name = 'Coverage1764576000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE residential_group_coverage (
        residential_group_id integer PRIMARY KEY REFERENCES residential_group (id) ON DELETE CASCADE,
        district_id integer NOT NULL REFERENCES district (id) ON DELETE CASCADE,
        ward_id integer NOT NULL REFERENCES ward (id) ON DELETE CASCADE,
        area_m2 double precision NOT NULL CHECK (area_m2 >= 0),
        covered_area_m2 double precision NOT NULL CHECK (covered_area_m2 >= 0),
        gap_area_m2 double precision NOT NULL CHECK (gap_area_m2 >= 0),
        covered_percent double precision NOT NULL CHECK (covered_percent BETWEEN 0 AND 100),
        active_camera_count integer NOT NULL CHECK (active_camera_count >= 0),
        sector_count integer NOT NULL CHECK (sector_count >= 0),
        gap geometry(MultiPolygon, 4326) NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX residential_group_coverage_gap_gix ON residential_group_coverage USING gist (gap)`);
    await q.query(`CREATE INDEX residential_group_coverage_ward_idx ON residential_group_coverage (ward_id)`);
    await q.query(`CREATE INDEX residential_group_coverage_district_idx ON residential_group_coverage (district_id)`);
    await q.query(`CREATE INDEX camera_active_sector_gix ON camera USING gist (view_sector) WHERE status = 'active'`);

    // Recompute the given groups. The overlay runs once per group in materialized CTEs (OFFSET 0
    // keeps the planner from inlining the lateral union, see STACK.md). Every group asked for must get
    // its row: an overlay that silently returns no row (seen on PGlite with nearly coincident
    // polygons) fails the transaction instead of leaving stale numbers.
    await q.query(`
      CREATE FUNCTION ww_refresh_coverage(group_ids integer[]) RETURNS integer
      LANGUAGE plpgsql VOLATILE
      SET jit = off -- PostgreSQL's JIT only adds compile time to these overlays (bench/coverage.ts)
      AS $fn$
      DECLARE
        written integer;
        expected integer;
      BEGIN
        -- Serialise refreshes of the same group: a concurrent transaction that changed another camera
        -- in it commits first, and the statement below (a new snapshot) then sees its change, so an
        -- older computation never overwrites a newer one. NO KEY: foreign-key checks are not blocked.
        PERFORM 1 FROM residential_group WHERE id = ANY(group_ids) ORDER BY id FOR NO KEY UPDATE;
        WITH grp AS MATERIALIZED (
          SELECT g.id, g.district_id, g.ward_id, g.boundary FROM residential_group g WHERE g.id = ANY(group_ids)
        ),
        seen AS MATERIALIZED (
          SELECT grp.id, s.sectors, s.n
          FROM grp
          CROSS JOIN LATERAL (
            SELECT ST_Union(c.view_sector) AS sectors, count(*)::int AS n
            FROM camera c
            WHERE c.district_id = grp.district_id AND c.status = 'active'
              AND c.view_sector && grp.boundary AND ST_Intersects(c.view_sector, grp.boundary)
            OFFSET 0
          ) s
        ),
        overlay AS MATERIALIZED (
          SELECT grp.id, grp.district_id, grp.ward_id, grp.boundary, seen.n,
                 CASE
                   WHEN seen.sectors IS NULL THEN grp.boundary
                   WHEN ST_Covers(seen.sectors, grp.boundary) THEN ST_GeomFromText('MULTIPOLYGON EMPTY', 4326)
                   ELSE ST_Multi(ST_CollectionExtract(ST_Difference(grp.boundary, seen.sectors), 3))
                 END AS gap,
                 CASE
                   WHEN seen.sectors IS NULL THEN ST_GeomFromText('MULTIPOLYGON EMPTY', 4326)
                   WHEN ST_Covers(seen.sectors, grp.boundary) THEN grp.boundary
                   ELSE ST_Multi(ST_CollectionExtract(ST_Intersection(grp.boundary, seen.sectors), 3))
                 END AS covered
          FROM grp JOIN seen USING (id)
        ),
        measured AS (
          SELECT o.id, o.district_id, o.ward_id, o.n, o.gap,
                 ST_Area(o.boundary::geography) AS area,
                 coalesce(ST_Area(o.covered::geography), 0) AS covered_area,
                 coalesce(ST_Area(o.gap::geography), 0) AS gap_area,
                 (SELECT count(*) FROM camera c
                   WHERE c.residential_group_id = o.id AND c.status = 'active')::int AS cameras
          FROM overlay o
        )
        INSERT INTO residential_group_coverage AS rc
          (residential_group_id, district_id, ward_id, area_m2, covered_area_m2, gap_area_m2,
           covered_percent, active_camera_count, sector_count, gap, computed_at)
          SELECT id, district_id, ward_id, area, covered_area, gap_area,
                 CASE WHEN area > 0 THEN least(100, greatest(0, 100 * covered_area / area)) ELSE 0 END,
                 cameras, n, gap, now()
          FROM measured
          ON CONFLICT (residential_group_id) DO UPDATE SET
            district_id = EXCLUDED.district_id, ward_id = EXCLUDED.ward_id, area_m2 = EXCLUDED.area_m2,
            covered_area_m2 = EXCLUDED.covered_area_m2, gap_area_m2 = EXCLUDED.gap_area_m2,
            covered_percent = EXCLUDED.covered_percent, active_camera_count = EXCLUDED.active_camera_count,
            sector_count = EXCLUDED.sector_count, gap = EXCLUDED.gap, computed_at = EXCLUDED.computed_at;
        GET DIAGNOSTICS written = ROW_COUNT;
        SELECT count(*) INTO expected FROM residential_group WHERE id = ANY(group_ids);
        IF written <> expected THEN
          RAISE EXCEPTION 'coverage refresh wrote % of % groups', written, expected;
        END IF;
        RETURN written;
      END
      $fn$`);

    // The groups a camera row touches: those its active sector overlaps, and the one it stands in.
    await q.query(`
      CREATE FUNCTION ww_groups_of_camera(district integer, sector geometry, loc geometry, active boolean) RETURNS integer[]
      LANGUAGE sql STABLE AS $fn$
        SELECT coalesce(array_agg(DISTINCT g.id), '{}')
        FROM residential_group g
        WHERE g.district_id = district
          AND ((active AND g.boundary && sector AND ST_Intersects(g.boundary, sector))
               OR (g.boundary && loc AND ST_Covers(g.boundary, loc)))
      $fn$`);

    await q.query(`
      CREATE FUNCTION ww_camera_coverage() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      DECLARE
        ids integer[] := '{}';
      BEGIN
        IF coalesce(current_setting('ww.coverage_deferred', true), '') = 'on' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'UPDATE'
           AND NEW.status IS NOT DISTINCT FROM OLD.status
           AND NEW.view_sector IS NOT DISTINCT FROM OLD.view_sector
           AND NEW.location IS NOT DISTINCT FROM OLD.location
           AND NEW.district_id IS NOT DISTINCT FROM OLD.district_id
           AND NEW.residential_group_id IS NOT DISTINCT FROM OLD.residential_group_id THEN
          RETURN NULL; -- nothing that coverage depends on changed
        END IF;
        -- The groups the old and the new sector reach, and the groups the camera stood and stands in
        -- (its camera count, R8).
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ids := ids || ww_groups_of_camera(OLD.district_id, OLD.view_sector, OLD.location, OLD.status = 'active');
          IF OLD.residential_group_id IS NOT NULL THEN ids := ids || OLD.residential_group_id; END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ids := ids || ww_groups_of_camera(NEW.district_id, NEW.view_sector, NEW.location, NEW.status = 'active');
          IF NEW.residential_group_id IS NOT NULL THEN ids := ids || NEW.residential_group_id; END IF;
        END IF;
        IF cardinality(ids) > 0 THEN
          PERFORM ww_refresh_coverage(ARRAY(SELECT DISTINCT unnest(ids)));
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`CREATE TRIGGER camera_30_coverage AFTER INSERT OR UPDATE OR DELETE ON camera FOR EACH ROW EXECUTE FUNCTION ww_camera_coverage()`);

    await q.query(`
      CREATE FUNCTION ww_group_coverage() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      DECLARE
        area geometry := CASE WHEN TG_OP = 'UPDATE' THEN ST_Collect(OLD.boundary, NEW.boundary) ELSE NEW.boundary END;
      BEGIN
        -- Cameras and rental houses on the group's old or new ground may now stand in another group
        -- (their camera trigger then refreshes the groups they left and joined).
        UPDATE camera c SET residential_group_id = (
            SELECT g.id FROM residential_group g
             WHERE g.ward_id = c.ward_id AND ST_Covers(g.boundary, c.location) ORDER BY g.id LIMIT 1)
         WHERE c.district_id = NEW.district_id AND c.location && area;
        UPDATE rental_house h SET residential_group_id = (
            SELECT g.id FROM residential_group g
             WHERE g.ward_id = h.ward_id AND ST_Covers(g.boundary, h.location) ORDER BY g.id LIMIT 1)
         WHERE h.district_id = NEW.district_id AND h.location && area;
        IF coalesce(current_setting('ww.coverage_deferred', true), '') <> 'on' THEN
          PERFORM ww_refresh_coverage(ARRAY[NEW.id]);
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`CREATE TRIGGER residential_group_30_coverage AFTER INSERT OR UPDATE OF boundary, ward_id, district_id ON residential_group FOR EACH ROW EXECUTE FUNCTION ww_group_coverage()`);

    // R2/R5 in one place: a rental house is registered when an ACTIVE camera is registered to it.
    await q.query(`
      CREATE FUNCTION ww_has_active_camera(house integer) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT EXISTS (SELECT 1 FROM camera c WHERE c.rental_house_id = house AND c.status = 'active')
      $fn$`);

    // Existing data (a database migrated from the foundation schema): compute everything once.
    await q.query(`SELECT ww_refresh_coverage(ARRAY(SELECT id FROM residential_group))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS camera_30_coverage ON camera`);
    await q.query(`DROP TRIGGER IF EXISTS residential_group_30_coverage ON residential_group`);
    await q.query(`DROP FUNCTION IF EXISTS ww_has_active_camera(integer), ww_camera_coverage(), ww_group_coverage(), ww_groups_of_camera(integer, geometry, geometry, boolean), ww_refresh_coverage(integer[])`);
    await q.query(`DROP INDEX IF EXISTS camera_active_sector_gix`);
    await q.query(`DROP TABLE IF EXISTS residential_group_coverage`);
  }
}
