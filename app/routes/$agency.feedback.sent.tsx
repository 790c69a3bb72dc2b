// /<agency>/… : the same page as ./feedback.sent, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, default } from "./feedback.sent";
