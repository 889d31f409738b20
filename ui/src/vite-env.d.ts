// Lets TypeScript accept the stylesheet import in main.tsx (vite bundles it).
declare module '*.css';
