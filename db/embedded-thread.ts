// The main thread's end of the embedded database thread (db/pglite-worker.mjs). PGlite runs a
// statement synchronously: on the server's own event loop a one-second statement froze every
// request for that second (issue 18; docs/decisions/0009-embedded-worker.md). Here pg talks to
// it through a stream, as it would to a server's socket: pg writes protocol messages, they cross
// to the thread, PGlite's answer comes back and pg parses it. So nothing above db/ changes, and
// database errors arrive as the same DatabaseError (code, detail, constraint) as from PostgreSQL.
import { Duplex } from "node:stream";
import { finished } from "node:stream/promises";
import { Worker } from "node:worker_threads";

type Request =
  | { op: "open"; dataDir: string; loadDataDir?: ArrayBuffer }
  | { op: "session" }
  | { op: "exec"; bytes: Uint8Array }
  | { op: "close" };

interface Answer {
  id: number;
  bytes?: Uint8Array;
  error?: { name: string; message: string; stack?: string; code?: string };
}

// "../db/" from db/ is db/ itself, and from the built server (build/index.js) it is the sources'
// db/ beside it: the one path serves tsx, vitest and `npm start`.
const WORKER_URL = new URL("../db/pglite-worker.mjs", import.meta.url);

// A Terminate message ('X', length 4). PGlite answers nothing to it; inside a batch it would end
// the embedded backend itself, so it never crosses.
const isTerminate = (b: Uint8Array) => b.length === 5 && b[0] === 0x58;
// A StartupMessage begins with its length, whose first byte is 0 for any real one. PGlite reads
// a buffer that starts with 0 as a startup packet and nothing else: it goes alone.
const isStartup = (b: Uint8Array) => b[0] === 0;

export class EmbeddedThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(b: Uint8Array): void; reject(e: Error): void }>();
  private readonly streams = new Set<ThreadStream>();
  private nextId = 1;
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  private constructor() {
    this.worker = new Worker(WORKER_URL);
    // An idle thread does not keep the process alive (a forgotten close() must not hang a
    // command); it is held only while a request waits for its answer.
    this.worker.unref();
    this.worker.on("message", (a: Answer) => this.answer(a));
    this.worker.on("error", (e) => this.fail(e));
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", (code) => {
        this.fail(new Error(`The embedded database thread stopped (exit code ${code}).`));
        resolve();
      }),
    );
  }

  static async start(dataDir: string, loadDataDir?: Blob): Promise<EmbeddedThread> {
    const thread = new EmbeddedThread();
    try {
      const dump = loadDataDir ? await loadDataDir.arrayBuffer() : undefined;
      await thread.request({ op: "open", dataDir, loadDataDir: dump }, dump ? [dump] : []);
      return thread;
    } catch (e) {
      await thread.worker.terminate();
      throw e;
    }
  }

  request(req: Request, transfer: ArrayBuffer[] = []): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage({ id, ...req }, transfer);
    });
  }

  private answer(a: Answer) {
    const w = this.waiting.get(a.id);
    if (!w) return;
    this.waiting.delete(a.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!a.error) return w.resolve(a.bytes ?? new Uint8Array(0));
    const err = new Error(a.error.message);
    err.name = a.error.name;
    if (a.error.stack) err.stack = a.error.stack;
    if (a.error.code) (err as NodeJS.ErrnoException).code = a.error.code;
    w.reject(err);
  }

  /** The thread died or was closed: every waiting request and open connection fails, not hangs. */
  private fail(e: Error) {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    for (const s of this.streams) s.destroy(this.failure);
    this.streams.clear();
  }

  /** A new connection for pg (its `stream` option). */
  stream(): Duplex {
    const s = new ThreadStream(this);
    s.once("close", () => this.streams.delete(s));
    this.streams.add(s);
    return s;
  }

  async close(): Promise<void> {
    // pg's pool.end() returns before its connections have finished ending: let them end (a
    // moment) rather than cut them, which would be reported as connections lost.
    if (this.streams.size) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...this.streams].map((s) => finished(s).catch(() => {}))),
        new Promise((r) => (timer = setTimeout(r, 1000))),
      ]);
      clearTimeout(timer);
    }
    if (!this.failure) {
      try {
        await this.request({ op: "close" });
      } finally {
        this.fail(new Error("The embedded database is closed."));
      }
    }
    // The thread ends on its own once PGlite is closed; a stuck one is stopped.
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** What pg takes for a socket. Writes made in one turn of the event loop (pg writes Parse, Bind,
 * Describe, Execute and Sync one by one) cross as one message and one PGlite call. */
class ThreadStream extends Duplex {
  private batch: Uint8Array[] = [];
  private flushing = false;
  private ended = false;

  constructor(private readonly thread: EmbeddedThread) {
    super();
  }

  // The socket calls pg makes; a thread has no network to tune.
  connect(): this {
    this.thread.request({ op: "session" }).then(
      () => this.emit("connect"),
      (e: Error) => this.destroy(e),
    );
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read() {}

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void) {
    if (isTerminate(chunk)) return done();
    if (isStartup(chunk)) {
      this.flush();
      this.send(new Uint8Array(chunk));
      return done();
    }
    this.batch.push(chunk);
    if (!this.flushing) {
      this.flushing = true;
      process.nextTick(() => this.flush());
    }
    done();
  }

  override _final(done: (e?: Error | null) => void) {
    this.flush();
    this.ended = true;
    this.push(null);
    done();
  }

  private flush() {
    this.flushing = false;
    if (this.batch.length === 0) return;
    // A fresh, exact-size copy: pg's buffers may be slices of a shared pool, which must not be
    // handed to another thread.
    const own = new Uint8Array(this.batch.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of this.batch) {
      own.set(b, at);
      at += b.length;
    }
    this.batch = [];
    this.send(own);
  }

  private send(bytes: Uint8Array) {
    this.thread.request({ op: "exec", bytes }, [bytes.buffer as ArrayBuffer]).then(
      (answer) => {
        if (answer.length && !this.destroyed && !this.ended)
          this.push(Buffer.from(answer.buffer, answer.byteOffset, answer.length));
      },
      (e: Error) => this.destroy(e),
    );
  }
}
