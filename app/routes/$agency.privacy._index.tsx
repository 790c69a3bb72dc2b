// /<agency>/… : the same page as ./privacy._index, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, ErrorBoundary, default } from "./privacy._index";
