// /<agency>/… : the same page as ./feedback.answers, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, default } from "./feedback.answers";
