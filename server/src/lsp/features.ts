/**
 * The LSP feature modules, each in its own file under lsp/features/. The server
 * announces their capabilities and registers their handlers at start-up.
 */
import type { FeatureModule } from './serverContext';
import { codeActionsFeature } from './features/codeActions';
import { navigationFeature } from './features/navigation';
import { completionHoverFeature } from './features/completionHover';
import { phasesAndReportsFeature } from './features/phasesAndReports';

export const FEATURE_MODULES: readonly FeatureModule[] = [
  completionHoverFeature,
  codeActionsFeature,
  navigationFeature,
  phasesAndReportsFeature,
];
