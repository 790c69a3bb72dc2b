const surveyStaff = {
  surveyStaff: {
    title: "Khảo sát",
  },
};

export default surveyStaff;
