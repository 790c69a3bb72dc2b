// An agency's survey page, /<agency-code>/s/<slug>: the same route module as /s/<slug>, whose
// loader and action read params.agency (docs/rules/agencies.md).
export { handle, links, headers, meta, loader, action, directPost, ErrorBoundary, default } from "./s.$slug";
