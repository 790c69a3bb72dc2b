// One process owns an embedded data directory. PGlite lets two processes open the same directory
// and one of them later loses its writes, so we hold a pid file beside the directory and refuse
// to start while its owner is alive. A lock left by a crashed process is taken over.
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is already in use by process ${pid}. ` +
        `Stop that process, or set PGLITE_DIR to another directory, or DATABASE_URL to a PostgreSQL server. / ` +
        `Cơ sở dữ liệu nhúng trong ${dir} đang được tiến trình ${pid} sử dụng.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockPathFor(dir: string): string {
  return path.resolve(dir) + ".lock";
}

/** Takes the lock or throws DataDirLockedError. Returns a function that releases it. */
export function acquireDataDirLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const tmp = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // link() is atomic and fails if the lock exists, so two starters cannot both win.
        fs.linkSync(tmp, lockPath);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
        if (owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dir, owner);
        fs.rmSync(lockPath, { force: true });
        if (attempt === 1) throw e;
      }
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.rmSync(lockPath);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}
