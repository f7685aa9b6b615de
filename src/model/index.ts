/** The shared model: imported by every stage, imports nothing of the project. */
export * from './taxonomy.js';
export * from './report.js';
export * from './mentions.js';
export * from './event.js';
