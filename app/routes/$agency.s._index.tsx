// An agency's open surveys, /<agency-code>/s (docs/rules/agencies.md).
export { handle, links, meta, loader, default } from "./s._index";
