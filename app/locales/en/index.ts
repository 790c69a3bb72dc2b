import type { Translation } from "../vi/index";
import common from "./common";
import staff from "./staff";
import feedback from "./feedback";

const en: Translation = {
  ...common,
  ...staff,
  ...feedback,
};

export default en;
