// An agency's thanks page, /<agency-code>/s/<slug>/thanks (docs/rules/agencies.md).
export { handle, links, headers, meta, loader, ErrorBoundary, default } from "./s.$slug_.thanks";
