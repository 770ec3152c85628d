/** The package version, written into every emitted file. A test keeps it equal to package.json. */
export const VERSION = '0.1.0';
