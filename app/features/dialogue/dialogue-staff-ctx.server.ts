// Who is acting in a staff change to a dialogue, and how they are named in the audit log.
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";

export type StaffCtx = { client: Client; user: StaffUser };

/** Only the id and email go into the audit log's actor. */
export const actorOf = (u: StaffUser) => ({ id: u.id, email: u.email });
