import type { Translation } from "../vi/index";
import common from "./common";
import staff from "./staff";

const en: Translation = {
  ...common,
  ...staff,
};

export default en;
