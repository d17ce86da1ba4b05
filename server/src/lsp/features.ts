/**
 * The LSP feature modules, each in its own file under lsp/features/. The server
 * announces their capabilities and registers their handlers at start-up.
 */
import type { FeatureModule } from './serverContext';
import { codeActionsFeature } from './features/codeActions';
import { navigationFeature } from './features/navigation';

export const FEATURE_MODULES: readonly FeatureModule[] = [
  codeActionsFeature,
  navigationFeature,
];
