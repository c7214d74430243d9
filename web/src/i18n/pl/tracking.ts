// Polish texts of the tracking screens (part of the catalog in ../pl.ts).
export const plTracking = {};
