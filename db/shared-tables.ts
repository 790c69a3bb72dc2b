// The tables every agency shares (docs/decisions/0008-agency-keys.md): each with why it is not one
// agency's data. Every other table holds one agency's rows and is keyed by agency_id; the test
// test/integration/agency-keys.test.ts checks both halves against the database's catalog.
export const SHARED_TABLES: Readonly<Record<string, string>> = {
  agency: "the list of agencies itself, read by every agency",
  holiday: "the national calendar (Bộ luật Lao động): the same days off for every agency",
  staff_user: "staff sign in by e-mail across the installation; the agency is the account's attribute",
  staff_session: "a signed-in staff account's sessions, found by the cookie before any agency is known",
  login_throttle: "failed sign-ins per account or address, counted across the installation",
  attempt_limit: "paced attempts per account, browser, address, code or contact, across the installation",
  rate_limit: "abuse counters per source (a hashed address or device): one flood whichever agency it hits",
  app_secret: "the installation's own keys (session signing, keyed hashes)",
  kysely_migration: "the migrator's bookkeeping",
  kysely_migration_lock: "the migrator's bookkeeping",
};
