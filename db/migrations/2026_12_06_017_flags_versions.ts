// Flags that fall on the flooding source, flagged batches the Office can accept back, and survey
// versions frozen by the database itself (issue 14, parts 5 and 6; docs/rules/flags.md and
// docs/rules/survey-versions.md). Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Which source (device, address, link: the rate-limit key's keyed hash) sent which response in
  // which limit window, so that once a source goes over its limit every response it sent in that
  // window is flagged, the ones before the limit too. Kept only for a couple of windows (swept
  // with the rate-limit counters). Unlogged like rate_limit: after a crash only the retroactive
  // flagging of the current hour is lost, and a submission does not wait for a disk flush here.
  await db.schema
    .createTable("response_source")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("response_id", "uuid", (c) => c.notNull())
    .addPrimaryKeyConstraint("response_source_pk", ["source", "window_start", "response_id"])
    .execute();
  await sql`alter table response_source set unlogged`.execute(db);

  // A batch of flagged responses the Office accepted back: who, when, which day and reasons.
  await db.schema
    .createTable("flag_acceptance")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id").onDelete("cascade"))
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("accepted_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("accepted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable("response")
    .addColumn("accepted_in", "integer", (c) => c.references("flag_acceptance.id").onDelete("set null"))
    .execute();
  // The per-day view of flagged responses reads only the flagged ones.
  await sql`create index response_flagged_day_idx on response (survey_id, submitted_at) where flagged or accepted_in is not null`.execute(
    db,
  );

  // Every version that already has a response is frozen, however the response was written (the
  // demo seed and bulk imports wrote them without freezing).
  await sql`update survey_version v set frozen = true where not v.frozen and exists (select 1 from response r where r.survey_version_id = v.id)`.execute(
    db,
  );

  // From now on the database freezes a version when a response to it is stored, whatever wrote it.
  await sql`
    create function survey_freeze_answered() returns trigger language plpgsql as $$
    begin
      update survey_version set frozen = true
      where not frozen and id in (select distinct survey_version_id from new_responses);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger response_freezes_version after insert on response
    referencing new table as new_responses for each statement execute function survey_freeze_answered()`.execute(db);

  // A frozen version's items never change, and a frozen version never thaws. The error names
  // itself so the application can answer with a message rather than a 500.
  await sql`
    create function survey_item_guard() returns trigger language plpgsql as $$
    declare vid integer;
    begin
      vid := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
      if exists (select 1 from survey_version where id = vid and frozen)
         or (tg_op = 'UPDATE' and exists (select 1 from survey_version where id = old.version_id and frozen)) then
        raise exception 'survey_version_frozen' using errcode = 'P0001', hint = 'a change makes a new version';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`
    create trigger survey_item_frozen before insert or update or delete on survey_item
    for each row execute function survey_item_guard()`.execute(db);
  await sql`
    create function survey_version_guard() returns trigger language plpgsql as $$
    begin
      if old.frozen and not new.frozen then
        raise exception 'survey_version_frozen' using errcode = 'P0001', hint = 'a frozen version never thaws';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger survey_version_no_thaw before update of frozen on survey_version
    for each row execute function survey_version_guard()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger survey_version_no_thaw on survey_version`.execute(db);
  await sql`drop function survey_version_guard()`.execute(db);
  await sql`drop trigger survey_item_frozen on survey_item`.execute(db);
  await sql`drop function survey_item_guard()`.execute(db);
  await sql`drop trigger response_freezes_version on response`.execute(db);
  await sql`drop function survey_freeze_answered()`.execute(db);
  await sql`drop index response_flagged_day_idx`.execute(db);
  await db.schema.alterTable("response").dropColumn("accepted_in").execute();
  await db.schema.dropTable("flag_acceptance").execute();
  await db.schema.dropTable("response_source").execute();
}
