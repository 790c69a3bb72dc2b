import type { Translation } from "../vi/index";
import common from "./common";
import dialogue from "./dialogue";
import staff from "./staff";

const en: Translation = {
  ...common,
  ...staff,
  ...dialogue,
};

export default en;
