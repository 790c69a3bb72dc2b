// /<agency>/dialogues/:id/ics: the same calendar file as ./dialogues.$id_.ics, for the path's agency (params.agency).
export { loader } from "./dialogues.$id_.ics";
