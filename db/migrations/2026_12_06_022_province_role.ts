// The province role (issue 19): reads every agency's aggregate figures in the league table, never
// personal data (docs/rules/league.md). Only the role's check constraint changes.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table staff_user drop constraint staff_user_role_check`.execute(db);
  await sql`alter table staff_user add constraint staff_user_role_check
    check (role in ('admin', 'office', 'unit', 'viewer', 'province'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Going back leaves no account with a role the old schema refuses: a province account becomes
  // an inactive viewer (kept, not deleted, so the audit log's links to it stay), and its sessions end.
  await sql`update staff_session set revoked_at = now()
    where revoked_at is null and user_id in (select id from staff_user where role = 'province')`.execute(db);
  await sql`update staff_user set role = 'viewer', active = false where role = 'province'`.execute(db);
  await sql`alter table staff_user drop constraint staff_user_role_check`.execute(db);
  await sql`alter table staff_user add constraint staff_user_role_check
    check (role in ('admin', 'office', 'unit', 'viewer'))`.execute(db);
}
