import { codeActionFeature } from './code-actions.js';
import { commandFeature } from './commands.js';
import { completionFeature } from './completion.js';
import { draftingFeature } from './drafting.js';
import type { Feature } from './feature.js';
import { hoverFeature } from './hover.js';
import { navigationFeature } from './navigation.js';
import { outlineFeature } from './outline.js';
import { previewFeature } from './preview.js';

/** Every feature server.ts registers. */
export const FEATURES: readonly Feature[] = [codeActionFeature, outlineFeature, hoverFeature, completionFeature, commandFeature, navigationFeature, previewFeature, draftingFeature];
