// Placeholder until its issue lands; see the package README.
export {};
