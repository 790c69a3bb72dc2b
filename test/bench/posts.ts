// Form B posts made before a timed window, for autocannon to send inside it. A phone signs nothing
// and builds its post on its own CPU: made inside the window, the load tool's signing (an HMAC per
// token) and body building would take the machine's cores from the server it measures.
import autocannon, { type RawRequest } from "autocannon";
import { FORM_B } from "../../app/features/survey/forms";
import { deviceId, formBBody, formBToken, nextAddress, settle } from "./support";

export interface Post {
  headers: Record<string, string>;
  body: Buffer;
}

/** One phone's post: a fresh form token (a new submission id, issued 120 s before it is made), its
 * own device cookie and its own address. */
export function formBPost(origin: string, unitId: number, extraHeaders: Record<string, string> = {}): Post {
  return {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin,
      ...extraHeaders,
      cookie: `hl_dev=${deviceId()}; lng=vi`,
      "x-forwarded-for": nextAddress(),
    },
    body: Buffer.from(formBBody(unitId, formBToken())),
  };
}

/** Posts handed out once each: a token sent twice would be a second response on one form (the
 * server flags it as a repeat), not another phone. When the prepared posts run out, a post is made
 * on the spot and counted in `late`, so a run that outgrew its estimate says so. */
export class PostSupply {
  private posts: (Post | undefined)[] = [];
  private next = 0;
  late = 0;

  constructor(private readonly make: () => Post) {}

  /** Makes `n` posts now (before the window), dropping any left from an earlier run. */
  prepare(n: number): void {
    this.posts = Array.from({ length: n }, () => this.make());
    this.next = 0;
    this.late = 0;
  }

  get prepared(): number {
    return this.posts.length;
  }

  /** Posts handed out so far from the prepared ones. */
  get taken(): number {
    return this.next;
  }

  take(): Post {
    if (this.next < this.posts.length) {
      const post = this.posts[this.next]!;
      this.posts[this.next++] = undefined; // sent once; its memory can go
      return post;
    }
    this.late++;
    return this.make();
  }
}

/** autocannon's request that sends the supply's posts, one per request. (autocannon builds a
 * connection's first request when it connects and the next one after each response, so a post
 * taken for the request a connection never sent at the end is simply never sent.) */
export function supplyRequest(supply: PostSupply) {
  return {
    method: "POST",
    path: `/s/${FORM_B.slug}`,
    // autocannon passes a fresh object each time, so it can be filled in place.
    setupRequest: (req: RawRequest) => {
      const post = supply.take();
      req.headers = post.headers;
      req.body = post.body;
      return req;
    },
  };
}

/** Untimed load until the server is warm; what it posts is left out of the timed figures. A fresh
 * server's CPU per Form B post falls over its first few thousand posts (on PostgreSQL here from
 * about 3 ms over its first 500 to about 1.2 ms after 3,000: the JIT, the heap growing to its
 * working size), so a timed run from a cold start would charge the server for it. The warm-up
 * lasts at least `minSeconds`, and until the server has answered `posts` requests in its life
 * (`servedBefore` of them before this warm-up), but at most `maxSeconds`; then it waits for the
 * requests still in flight to finish. */
export async function warmUp(
  server: { url: string; pid: number },
  request: Parameters<typeof autocannon>[0]["requests"],
  o: { connections: number; minSeconds: number; posts: number; maxSeconds: number; servedBefore: number },
) {
  if (o.minSeconds <= 0 && o.servedBefore >= o.posts) return { posts: 0, seconds: 0, lastRate: 0 };
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const run = (duration: number) =>
    autocannon({ url: server.url, connections: o.connections, duration, timeout: 10, requests: request });
  // Two runs at most: each run's end drops the requests in flight (their answers go uncounted)
  // and the next one opens its connections anew, so short slices would waste the warm-up.
  const first = await run(Math.max(1, o.minSeconds));
  let posts = first.requests.total;
  let lastRate = posts / first.duration;
  const missing = o.posts - o.servedBefore - posts;
  const left = o.maxSeconds - elapsed();
  if (missing > 0 && left >= 1) {
    const second = await run(Math.min(left, Math.max(1, Math.ceil(missing / Math.max(1, lastRate)))));
    posts += second.requests.total;
    lastRate = second.requests.total / second.duration;
  }
  await settle(server.pid);
  return { posts, seconds: elapsed(), lastRate };
}
