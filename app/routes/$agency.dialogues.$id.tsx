// /<agency>/dialogues/:id: the same page as ./dialogues.$id, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, action, default, ErrorBoundary } from "./dialogues.$id";
