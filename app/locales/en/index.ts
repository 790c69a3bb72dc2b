import type { Translation } from "../vi/index";
import common from "./common";
import dialogue from "./dialogue";
import staff from "./staff";
import survey from "./survey";
import surveyStaff from "./survey-staff";
import feedback from "./feedback";
import privacy from "./privacy";

const en: Translation = {
  ...common,
  ...staff,
  ...survey,
  ...surveyStaff,
  ...feedback,
  ...dialogue,
  ...privacy,
};

export default en;
