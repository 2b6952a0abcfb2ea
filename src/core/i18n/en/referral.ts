// Strings of the referral element(s).
export const referral = {};
