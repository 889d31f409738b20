// The product version stamped on every report (a test keeps it equal to package.json's).
export const PARALLAX_VERSION = '0.1.0';
