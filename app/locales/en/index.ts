import type { Translation } from "../vi/index";
import common from "./common";

const en: Translation = {
  ...common,
};

export default en;
