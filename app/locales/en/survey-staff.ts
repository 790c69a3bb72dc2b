import type vi from "../vi/survey-staff";

const surveyStaff: typeof vi = {
  surveyStaff: {
    title: "Surveys",
  },
};

export default surveyStaff;
