// /<agency>/… : the same page as ./privacy.request, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, action, ErrorBoundary, default } from "./privacy.request";
