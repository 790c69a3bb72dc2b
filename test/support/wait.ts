import fs from "node:fs";
// Waiting for a state, never for a time: `until` asks again as soon as the previous answer is in
// (after a short breath so a refusing server is not hammered) and fails with the last answer.
export async function until<T>(
  probe: () => Promise<T>,
  done: (v: T) => boolean,
  opts: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const end = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > end)
      throw new Error(`state not reached in ${opts.timeoutMs ?? 10_000} ms; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 50));
  }
}

/** The client ports whose TCP connection the process `pid` holds (accepted) on `serverPort`:
 * its socket descriptors matched against the kernel's connection tables (Linux). */
export function acceptedPorts(pid: number, serverPort: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // closed while listed
    }
  }
  const ports = new Set<number>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9])) continue;
      const local = parseInt(f[1].split(":")[1], 16);
      const remote = parseInt(f[2].split(":")[1], 16);
      if (local === serverPort && remote !== 0) ports.add(remote);
    }
  }
  return ports;
}
