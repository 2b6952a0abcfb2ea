// Strings of the survey element(s).
export const survey = {};
