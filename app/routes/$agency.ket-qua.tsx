// /<agency>/… : the same page as ./ket-qua, for the agency of the path's first segment (params.agency).
export { handle, links, loader, meta, default } from "./ket-qua";
