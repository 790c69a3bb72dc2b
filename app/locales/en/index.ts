import type { Translation } from "../vi/index";
import common from "./common";
import dashboard from "./dashboard";
import staff from "./staff";

const en: Translation = {
  ...common,
  ...dashboard,
  ...staff,
};

export default en;
