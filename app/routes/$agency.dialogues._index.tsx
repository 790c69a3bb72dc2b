// /<agency>/dialogues: the same page as ./dialogues._index, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, default, ErrorBoundary } from "./dialogues._index";
