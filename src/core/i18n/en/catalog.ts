// Strings of the catalog element(s).
export const catalog = {};
