// /<agency>/… : the same page as ./feedback.status, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, action, default } from "./feedback.status";
