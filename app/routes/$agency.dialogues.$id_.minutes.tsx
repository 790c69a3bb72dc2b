// /<agency>/dialogues/:id/minutes: the same page as ./dialogues.$id_.minutes, for the path's agency (params.agency).
export { handle, links, loader, meta, default, ErrorBoundary } from "./dialogues.$id_.minutes";
