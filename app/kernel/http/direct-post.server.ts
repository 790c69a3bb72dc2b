// Direct lanes: a route may answer the success path of one small form post without Remix
// (docs/decisions/0010-direct-submission-lane.md). The public survey's post is the portal's
// hottest request; through Remix, building a Request and matching and ranking all ~100 routes twice
// per request was a third to a half of its server CPU: without them a thanked post cost 0.52–0.68
// of it (alternating pairs, loaded machine; the decision has the figures). A route opts in by
// exporting `directPost`; the gate (http-gate.server.ts) calls it only after every check it makes
// of any post (method, target, body cap, same origin, content type), with the body read whole.
// The lane either answers (its success path) or hands over to Remix with what it learnt in the
// load context, so the route's action never does the same work twice.
import { matchRoutes } from "@remix-run/react";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";

/** The plain values a direct lane gets: never a Request. */
export interface DirectPost {
  /** The route's params, as Remix would give them. */
  params: Record<string, string | undefined>;
  /** The address's query. */
  search: URLSearchParams;
  /** Sec-Fetch-Site and Origin as the page would see them (Origin already replaced by the
   * public one when the gate accepted it), and the public host the page's address carries. */
  site: string | null;
  origin: string | null;
  host: string;
  cookie: string | null;
  acceptLanguage: string | null;
  /** The address server.js stamped on the request (X-HL-Client-IP, never the client's word). */
  clientIp: string;
  /** The whole urlencoded body. */
  body: Uint8Array;
}

/** `answer`: the response to send as it is (the route's own answer, as Remix would have sent it).
 * `pass`: let Remix answer, with `context` added to the load context (what the lane already did). */
export type DirectAnswer = { answer: Response } | { pass: true; context?: Partial<AppLoadContext> };

export type DirectPostHandler = (post: DirectPost) => Promise<DirectAnswer>;

type RouteTree = Parameters<typeof matchRoutes>[0];

/** The route tree as @remix-run/server-runtime builds it from the manifest (children in the
 * manifest's order), so matching here ranks and breaks ties exactly as Remix does. */
function routeTree(build: ServerBuild, parentId?: string): RouteTree {
  return Object.values(build.routes)
    .filter((r) => r.parentId === parentId)
    .map((r) => ({
      id: r.id,
      path: r.path,
      index: r.index,
      caseSensitive: r.caseSensitive,
      children: routeTree(build, r.id),
    })) as RouteTree;
}

/** A path's lane is cached: after the first post to /s/<slug> the gate knows its route without
 * matching. Bounded, as anyone can post to made-up paths (a miss costs one match, less than Remix). */
const CACHE_MAX = 500;

/** The direct lane of a pathname, with its params; null when its route has none (or no route). */
export function directLanes(build: ServerBuild) {
  // Single fetch sends posts as .data requests answered in another shape: no lane then.
  if (build.future?.v3_singleFetch) return () => null;
  const tree = routeTree(build);
  const cache = new Map<string, { handler: DirectPostHandler; params: Record<string, string | undefined> } | null>();
  return (pathname: string) => {
    let found = cache.get(pathname);
    if (found !== undefined) return found;
    const matches = matchRoutes(tree, pathname, build.basename);
    const leaf = matches?.[matches.length - 1];
    const id = leaf?.route.id;
    const handler = id ? (build.routes[id]?.module as { directPost?: unknown } | undefined)?.directPost : undefined;
    found =
      leaf && typeof handler === "function"
        ? { handler: handler as DirectPostHandler, params: { ...leaf.params } }
        : null;
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(pathname, found);
    return found;
  };
}

/** Query keys Remix reads itself (a data request, an index route's action): such posts go to Remix. */
export const REMIX_KEYS = ["_data", "index"];

/** A urlencoded type as a browser sends it; anything odder is left to Remix's own parser. */
export const PLAIN_FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;[^]*)?$/i;
