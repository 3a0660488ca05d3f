import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The login role the server switches to for every request (see README "Access control"). */
export const APP_ROLE = 'wardwatch_app';

/** Tables whose rows belong to one ward: row-level security limits them to the user's scope. */
const WARD_TABLES = ['camera', 'rental_house', 'residential_group', 'residential_group_coverage'] as const;

/** The placement trigger's function, with the order that picks a point's ward among those covering it. */
function placePointSql(wardOrder: string): string {
  return `
      CREATE OR REPLACE FUNCTION ww_place_point() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.location IS DISTINCT FROM OLD.location OR NEW.district_id IS DISTINCT FROM OLD.district_id THEN
          SELECT w.id INTO NEW.ward_id FROM ward w
            WHERE w.district_id = NEW.district_id AND ST_Covers(w.boundary, NEW.location)
            ORDER BY ${wardOrder} LIMIT 1;
          IF NEW.ward_id IS NULL THEN
            RAISE EXCEPTION 'location is outside every ward of district %', NEW.district_id
              USING ERRCODE = '23514', CONSTRAINT = 'ww_location_inside_district', COLUMN = 'location';
          END IF;
          SELECT g.id INTO NEW.residential_group_id FROM residential_group g
            WHERE g.ward_id = NEW.ward_id AND ST_Covers(g.boundary, NEW.location)
            ORDER BY g.id LIMIT 1;
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END
      $fn$`;
}

/**
 * Users, sessions, the audit log, and row-level security (issue: roles, ward-scoped access,
 * hardening and audit log).
 *
 * Every request runs in one transaction that switches to the non-owner role `wardwatch_app`
 * (`SET LOCAL ROLE`) and sets its scope with transaction-local settings:
 *   ww.district_id  the user's district (no setting: no rows at all)
 *   ww.ward_id      the user's ward, or '' for the whole district
 *   ww.user_id, ww.username, ww.role, ww.action   who is acting, for the audit log
 * The policies below read them. FORCE ROW LEVEL SECURITY subjects the tables' owner as well; the
 * owner sees rows only with `ww.system = on`, which the server's owner connection, migrations and
 * the database's own derived-data functions (coverage, placement) set. A superuser (the embedded
 * database's only user) bypasses row-level security, which is why the server switches role.
 */
export class Access1764662400000 implements MigrationInterface {
  name = 'Access1764662400000';

  public async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole cluster: create it once; a DBA may have made it already (with LOGIN).
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    // The owner may switch to it (SET LOCAL ROLE) when the server connects as the owner.
    await q.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
      END $$`);

    // Scope, read by every policy. STABLE SQL functions: inlined, evaluated once per statement.
    for (const [fn, setting, type] of [
      ['ww_scope_district', 'ww.district_id', 'integer'],
      ['ww_scope_ward', 'ww.ward_id', 'integer'],
      ['ww_scope_role', 'ww.role', 'text'],
    ] as const) {
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS ${type}
        LANGUAGE sql STABLE PARALLEL SAFE AS $fn$ SELECT nullif(current_setting('${setting}', true), '')::${type} $fn$`);
    }
    await q.query(`
      CREATE FUNCTION ww_system() RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $fn$ SELECT coalesce(current_setting('ww.system', true), '') = 'on' $fn$`);

    await q.query(`
      CREATE TABLE app_user (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        district_id integer NOT NULL REFERENCES district (id) ON DELETE CASCADE,
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name text NOT NULL CHECK (btrim(display_name) <> '' AND length(display_name) <= 120),
        role text NOT NULL CHECK (role IN ('admin', 'planner', 'ward_chair', 'police', 'justice', 'home_affairs')),
        ward_id integer REFERENCES ward (id),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'ward_chair' OR ward_id IS NOT NULL),
        CHECK (ward_id IS NULL OR role IN ('ward_chair', 'police'))
      )`);
    await q.query(`CREATE INDEX app_user_district_idx ON app_user (district_id)`);

    // Sessions: the cookie holds a random token; only its SHA-256 is stored, so a copy of this table
    // opens no session. Logging out deletes the row.
    await q.query(`
      CREATE TABLE app_session (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        district_id integer NOT NULL REFERENCES district (id) ON DELETE CASCADE,
        user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX app_session_user_idx ON app_session (user_id)`);

    // The audit log: append-only. Rows are written by the ww_audit trigger (and by login/logout), in
    // the transaction of the change itself, so a change and its audit row commit or vanish together.
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        district_id integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        user_id integer,
        username text,
        role text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id bigint,
        operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'LOGIN', 'LOGOUT')),
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_district_at_idx ON audit_log (district_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id)`);
    await q.query(`
      CREATE FUNCTION ww_audit_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
      END
      $fn$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION ww_audit_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION ww_audit_append_only()`);

    // A row as the audit log keeps it: personal fields redacted, geometry as GeoJSON, derived
    // geometry (view sectors) left out.
    await q.query(`
      CREATE FUNCTION ww_audit_image(r jsonb) RETURNS jsonb
      LANGUAGE sql IMMUTABLE AS $fn$
        SELECT (r - 'view_sector' - 'password_hash')
          || CASE WHEN r ? 'owner_name' AND r->'owner_name' <> 'null' THEN '{"owner_name": "[redacted]"}'::jsonb ELSE '{}'::jsonb END
          || CASE WHEN r ? 'owner_phone' AND r->'owner_phone' <> 'null' THEN '{"owner_phone": "[redacted]"}'::jsonb ELSE '{}'::jsonb END
          || CASE WHEN r ? 'location' AND r->'location' <> 'null'
                  THEN jsonb_build_object('location', ST_AsGeoJSON((r->>'location')::geometry, 7)::jsonb) ELSE '{}'::jsonb END
      $fn$`);
    await q.query(`
      CREATE FUNCTION ww_audit() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
      DECLARE
        b jsonb := CASE WHEN TG_OP <> 'INSERT' THEN ww_audit_image(to_jsonb(OLD)) END;
        a jsonb := CASE WHEN TG_OP <> 'DELETE' THEN ww_audit_image(to_jsonb(NEW)) END;
        r jsonb := coalesce(a, b);
      BEGIN
        IF TG_OP = 'UPDATE' AND to_jsonb(OLD) = to_jsonb(NEW) THEN
          RETURN NULL; -- nothing changed
        END IF;
        IF TG_OP = 'UPDATE' AND (to_jsonb(OLD)->'password_hash') IS DISTINCT FROM (to_jsonb(NEW)->'password_hash') THEN
          a := a || '{"password": "[changed]"}'::jsonb; -- that it changed, never the hash
        END IF;
        INSERT INTO audit_log (district_id, user_id, username, role, action, entity, entity_id, operation, before, after)
        VALUES ((r->>'district_id')::integer,
                nullif(current_setting('ww.user_id', true), '')::integer,
                nullif(current_setting('ww.username', true), ''),
                nullif(current_setting('ww.role', true), ''),
                coalesce(nullif(current_setting('ww.action', true), ''), 'database'),
                TG_TABLE_NAME, (r->>'id')::bigint, TG_OP, b, a);
        RETURN NULL;
      END
      $fn$`);
    for (const table of ['camera', 'rental_house', 'app_user']) {
      await q.query(`CREATE TRIGGER ${table}_90_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ww_audit()`);
    }

    // Login and logout, callable by the app role: the only way it reaches passwords and sessions.
    await q.query(`
      CREATE FUNCTION ww_auth_user(p_username text)
      RETURNS TABLE (id integer, district_id integer, password_hash text, disabled boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
        SELECT u.id, u.district_id, u.password_hash, u.disabled FROM app_user u WHERE u.username = lower(p_username)
      $fn$`);
    await q.query(`
      CREATE FUNCTION ww_auth_session(p_token_hash bytea)
      RETURNS TABLE (user_id integer, username text, display_name text, role text, ward_id integer, district_id integer, expires_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
        SELECT u.id, u.username, u.display_name, u.role, u.ward_id, u.district_id, s.expires_at
          FROM app_session s JOIN app_user u ON u.id = s.user_id
         WHERE s.token_hash = p_token_hash AND s.expires_at > now() AND NOT u.disabled
      $fn$`);
    await q.query(`
      CREATE FUNCTION ww_auth_session_start(p_user_id integer, p_token_hash bytea, p_ttl interval)
      RETURNS timestamptz
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
      DECLARE
        u app_user;
        expires timestamptz := now() + p_ttl;
      BEGIN
        SELECT * INTO u FROM app_user WHERE id = p_user_id AND NOT disabled;
        IF NOT FOUND THEN RAISE EXCEPTION 'no such user' USING ERRCODE = '28000'; END IF;
        DELETE FROM app_session WHERE user_id = u.id AND expires_at <= now();
        INSERT INTO app_session (district_id, user_id, token_hash, expires_at) VALUES (u.district_id, u.id, p_token_hash, expires);
        INSERT INTO audit_log (district_id, user_id, username, role, action, entity, entity_id, operation)
        VALUES (u.district_id, u.id, u.username, u.role, 'login', 'app_user', u.id, 'LOGIN');
        RETURN expires;
      END
      $fn$`);
    await q.query(`
      CREATE FUNCTION ww_auth_session_end(p_token_hash bytea) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
      DECLARE
        u app_user;
      BEGIN
        SELECT app_user.* INTO u FROM app_session s JOIN app_user ON app_user.id = s.user_id WHERE s.token_hash = p_token_hash;
        IF NOT FOUND THEN RETURN false; END IF;
        DELETE FROM app_session WHERE token_hash = p_token_hash;
        INSERT INTO audit_log (district_id, user_id, username, role, action, entity, entity_id, operation)
        VALUES (u.district_id, u.id, u.username, u.role, 'logout', 'app_user', u.id, 'LOGOUT');
        RETURN true;
      END
      $fn$`);

    // A point on the border of wards belongs to the lowest-numbered one, unless the user's own ward is
    // among them: a chair's camera on their border stays theirs (server/src/services/geometry.service.ts
    // applies the same rule before writing).
    await q.query(placePointSql('(w.id = ww_scope_ward()) DESC NULLS LAST, w.id'));

    // Derived data is the database's own work: placement and coverage see every ward's rows (a
    // camera's view crosses ward borders), whoever's change set them off.
    for (const fn of ['ww_place_point()', 'ww_camera_coverage()', 'ww_group_coverage()', 'ww_refresh_coverage(integer[])']) {
      await q.query(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on'`);
    }
    await q.query(`REVOKE EXECUTE ON FUNCTION ww_refresh_coverage(integer[]) FROM PUBLIC`);
    // Checking a password and opening a session are the owner's: the app role (which serves requests
    // when APP_DATABASE_URL is set) can neither read a hash nor open a session for anyone.
    await q.query(`REVOKE EXECUTE ON FUNCTION ww_auth_user(text), ww_auth_session_start(integer, bytea, interval) FROM PUBLIC`);

    // Metres from a rental house in the caller's scope to the nearest ACTIVE camera of its district,
    // whichever ward that camera is in (R5: how far the house is from being watched). Only the
    // number leaves: a ward chair learns no other ward's camera, and every role gets the same figure.
    // KNN on the GiST index picks a few candidates by planar distance; the geodesic distance decides.
    await q.query(`
      CREATE FUNCTION ww_nearest_active_camera_m(house integer) RETURNS double precision
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
        SELECT min(ST_Distance(k.location::geography, h.location::geography))
          FROM rental_house h
          CROSS JOIN LATERAL (SELECT c.location FROM camera c WHERE c.status = 'active' AND c.district_id = h.district_id
                               ORDER BY c.location <-> h.location LIMIT 8) k
         WHERE h.id = house AND h.district_id = ww_scope_district() AND (ww_scope_ward() IS NULL OR h.ward_id = ww_scope_ward())
      $fn$`);

    // A new password ends the user's open sessions (as disabling them does).
    await q.query(`
      CREATE FUNCTION ww_end_sessions_on_password_change() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET ww.system = 'on' AS $fn$
      BEGIN
        DELETE FROM app_session WHERE user_id = NEW.id;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`CREATE TRIGGER app_user_80_sessions AFTER UPDATE OF password_hash ON app_user FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash) EXECUTE FUNCTION ww_end_sessions_on_password_change()`);

    // Functions run with the owner's rights are callable only where they must be: trigger functions
    // by nobody (triggers fire regardless; without EXECUTE nobody can attach them to a table of their
    // own), the session lookups by the app role.
    await q.query(`
      REVOKE EXECUTE ON FUNCTION ww_audit(), ww_audit_append_only(), ww_place_point(), ww_camera_view(), ww_camera_coverage(),
        ww_group_coverage(), ww_end_sessions_on_password_change(), ww_auth_session(bytea), ww_auth_session_end(bytea),
        ww_nearest_active_camera_m(integer) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ww_auth_session(bytea), ww_auth_session_end(bytea), ww_nearest_active_camera_m(integer) TO ${APP_ROLE}`);

    // Row-level security. The app role: its district, and its ward when it has one.
    const inScope = (ward: string) =>
      `district_id = ww_scope_district() AND (ww_scope_ward() IS NULL OR ${ward} = ww_scope_ward())`;
    const policies: Array<[string, string]> = [
      ['district', `id = ww_scope_district()`],
      ['ward', inScope('id')],
      ...WARD_TABLES.map((t): [string, string] => [t, inScope('ward_id')]),
      // Users: an ADMIN manages the district's users (the write policy below); others read only themselves.
      ['app_user', `district_id = ww_scope_district() AND (ww_scope_role() = 'admin' OR id = nullif(current_setting('ww.user_id', true), '')::integer)`],
      // The audit log: ADMIN and PLANNER read their district's; the rows about users (who logged in,
      // who got which role) are the ADMIN's alone, as the users themselves are.
      ['audit_log', `district_id = ww_scope_district() AND (ww_scope_role() = 'admin' OR (ww_scope_role() = 'planner' AND entity <> 'app_user'))`],
    ];
    for (const [table, rule] of policies) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ww_scope ON ${table} TO ${APP_ROLE} USING (${rule}) WITH CHECK (${rule})`);
      await q.query(`CREATE POLICY ww_system ON ${table} TO CURRENT_USER USING (ww_system()) WITH CHECK (ww_system())`);
    }
    // Writing users is an ADMIN's alone (restrictive: on top of the policy above).
    const adminOnly = `ww_scope_role() = 'admin'`;
    await q.query(`CREATE POLICY ww_admin_writes ON app_user AS RESTRICTIVE FOR INSERT TO ${APP_ROLE} WITH CHECK (${adminOnly})`);
    await q.query(`CREATE POLICY ww_admin_updates ON app_user AS RESTRICTIVE FOR UPDATE TO ${APP_ROLE} USING (${adminOnly}) WITH CHECK (${adminOnly})`);
    await q.query(`ALTER TABLE app_session ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app_session FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY ww_system ON app_session TO CURRENT_USER USING (ww_system()) WITH CHECK (ww_system())`);

    // Privileges: read what the scope allows; write only what the API changes. No DELETE anywhere,
    // nothing on sessions or the migrations table, and only SELECT on the audit log.
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT ON district, ward, residential_group, residential_group_coverage, audit_log TO ${APP_ROLE}`);
    // Columns the database derives (ward, group, view sector, timestamps) are not the app's to write.
    await q.query(`GRANT SELECT ON camera, rental_house TO ${APP_ROLE}`);
    const cameraColumns = `district_id, label, location, bearing, field_of_view, range_m, camera_type, mount_height_m, owner_kind,
      owner_name, owner_phone, rental_house_id, network_operator, status, police_access, installed_on, decommissioned_at`;
    await q.query(`GRANT INSERT (${cameraColumns}), UPDATE (${cameraColumns}) ON camera TO ${APP_ROLE}`);
    const houseColumns = `district_id, address, owner_name, owner_phone, rooms, location`;
    await q.query(`GRANT INSERT (${houseColumns}), UPDATE (${houseColumns}) ON rental_house TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT (id, district_id, username, display_name, role, ward_id, disabled, created_at) ON app_user TO ${APP_ROLE}`);
    await q.query(`GRANT INSERT (district_id, username, display_name, role, ward_id, password_hash, disabled) ON app_user TO ${APP_ROLE}`);
    await q.query(`GRANT UPDATE (display_name, role, ward_id, password_hash, disabled) ON app_user TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['district', 'ward', ...WARD_TABLES]) {
      await q.query(`DROP POLICY IF EXISTS ww_scope ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS ww_system ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const table of ['camera', 'rental_house']) await q.query(`DROP TRIGGER IF EXISTS ${table}_90_audit ON ${table}`);
    for (const fn of ['ww_place_point()', 'ww_camera_coverage()', 'ww_group_coverage()', 'ww_refresh_coverage(integer[])']) {
      await q.query(`ALTER FUNCTION ${fn} SECURITY INVOKER RESET search_path RESET ww.system`);
    }
    await q.query(`GRANT EXECUTE ON FUNCTION ww_refresh_coverage(integer[]) TO PUBLIC`);
    await q.query(placePointSql('w.id'));
    await q.query(`GRANT EXECUTE ON FUNCTION ww_place_point(), ww_camera_view(), ww_camera_coverage(), ww_group_coverage() TO PUBLIC`);
    await q.query(`DROP TABLE IF EXISTS audit_log, app_session, app_user`);
    await q.query(`
      DROP FUNCTION IF EXISTS ww_auth_user(text), ww_auth_session(bytea), ww_auth_session_start(integer, bytea, interval),
        ww_auth_session_end(bytea), ww_audit(), ww_audit_image(jsonb), ww_audit_append_only(),
        ww_nearest_active_camera_m(integer), ww_end_sessions_on_password_change(),
        ww_scope_district(), ww_scope_ward(), ww_scope_role(), ww_system()`);
    // The role is the cluster's, possibly shared with other databases: only this database's grants go.
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
