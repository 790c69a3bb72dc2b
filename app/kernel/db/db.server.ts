// The app's way to the database; the connection itself lives in db/.
export { db, currentDatabase } from "../../../db/client";
export type { DB } from "../../../db/client";
