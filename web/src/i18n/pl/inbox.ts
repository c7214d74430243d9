// Polish texts of the inbox screens (part of the catalog in ../pl.ts).
export const plInbox = {};
