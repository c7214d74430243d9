// Polish texts of the orders screens (part of the catalog in ../pl.ts).
export const plOrders = {};
