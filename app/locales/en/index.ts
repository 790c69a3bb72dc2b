import type { Translation } from "../vi/index";
import common from "./common";
import dashboard from "./dashboard";
import dialogue from "./dialogue";
import staff from "./staff";
import survey from "./survey";
import surveyStaff from "./survey-staff";
import surveyFlags from "./survey-flags";
import feedback from "./feedback";
import privacy from "./privacy";

const en: Translation = {
  ...common,
  ...dashboard,
  ...staff,
  ...survey,
  ...surveyStaff,
  ...surveyFlags,
  ...feedback,
  ...dialogue,
  ...privacy,
};

export default en;
