// /<agency>/dialogues/registration: the same page as ./dialogues.registration, for the path's agency (params.agency).
export { handle, links, loader, meta, action, default, ErrorBoundary } from "./dialogues.registration";
