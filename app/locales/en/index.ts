import type { Translation } from "../vi/index";
import common from "./common";
import dashboard from "./dashboard";
import staff from "./staff";
import survey from "./survey";
import surveyStaff from "./survey-staff";

const en: Translation = {
  ...common,
  ...dashboard,
  ...staff,
  ...survey,
  ...surveyStaff,
};

export default en;
